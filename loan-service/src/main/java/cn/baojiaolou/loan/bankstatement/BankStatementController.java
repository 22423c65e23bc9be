package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.web.ProblemResponses;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import cn.baojiaolou.loan.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 专户 bank statements: import a file (accountants, see SecurityConfig) and list the stored lines (everyone signed
 * in). A file with bad lines answers 422 problem+json with code bankStatement.invalid and errors [{line, reason}].
 * Also the built-in layouts, the header mappings of a 专户 with a preview of a file to map, and the probable
 * duplicates held by an import (confirm or drop).
 */
@RestController
@RequestMapping("/api/v1/bank-statements")
class BankStatementController {

    static final int MAX_ROWS = 1000;

    private final BankStatementImporter importer;
    private final BankStatementMapper mapper;
    private final HeldLines held;
    private final StatementMappings mappings;
    private final ProblemResponses problems;

    BankStatementController(BankStatementImporter importer, BankStatementMapper mapper, HeldLines held,
                            StatementMappings mappings, ProblemResponses problems) {
        this.importer = importer;
        this.mapper = mapper;
        this.held = held;
        this.mappings = mappings;
        this.problems = problems;
    }

    record MappingRequest(@NotBlank @Size(max = 64) String account, @NotNull @Size(min = 1, max = 60) List<String> headers,
                          @NotNull List<String> fields) {
    }

    record DecisionRequest(@Size(max = 500) @SafeText String note) {
    }

    /** The built-in bank layouts: code, bank, export and the published header. */
    @GetMapping("/layouts")
    List<StatementMappings.LayoutView> layouts() {
        return mappings.layouts();
    }

    /** The first rows of a file, the header found or guessed, and a first mapping of it (nothing is stored). */
    @PostMapping("/preview")
    StatementMappings.PreviewView preview(@RequestParam(value = "file", required = false) MultipartFile file,
                                          @RequestParam(value = "account", required = false) String account)
            throws IOException {
        if (account == null || account.isBlank()) {
            throw Refusal.invalid("account", "bankStatement.accountMissing");
        }
        if (file == null) {
            throw Refusal.invalid("file", "bankStatement.fileMissing");
        }
        return mappings.preview(account, file.getBytes());
    }

    @GetMapping("/mappings")
    List<StatementMappings.MappingView> mappings(@RequestParam String account) {
        return mappings.mappings(account);
    }

    /** Saves the mapping of a header for a 专户: the header cells and the field of each (see GET /layouts). */
    @PostMapping("/mappings")
    @ResponseStatus(HttpStatus.CREATED)
    StatementMappings.MappingView saveMapping(@Valid @RequestBody MappingRequest request) {
        return mappings.save(request.account(), request.headers(), request.fields());
    }

    /** Lines held as probable duplicates: {@code status} HELD (default), CONFIRMED, DROPPED or ALL. */
    @GetMapping("/held")
    List<BankStatementMapper.HeldLine> held(@RequestParam(required = false) String account,
                                            @RequestParam(defaultValue = "HELD") String status) {
        return held.list(account, "ALL".equalsIgnoreCase(status) ? null : status);
    }

    @PostMapping("/held/{id}/confirmation")
    BankStatementMapper.HeldLine confirm(@PathVariable long id,
                                         @Valid @RequestBody(required = false) DecisionRequest request) {
        return held.confirm(id, request == null ? null : request.note());
    }

    @PostMapping("/held/{id}/drop")
    BankStatementMapper.HeldLine drop(@PathVariable long id,
                                      @Valid @RequestBody(required = false) DecisionRequest request) {
        return held.drop(id, request == null ? null : request.note());
    }

    /** multipart/form-data: {@code file} (CSV or XLSX) and {@code account} (facility code or 专户 account number). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importStatement(@RequestParam(value = "file", required = false) MultipartFile file,
                                 @RequestParam(value = "account", required = false) String account)
            throws IOException {
        if (account == null || account.isBlank()) {
            throw Refusal.invalid("account", "bankStatement.accountMissing");
        }
        if (file == null) {
            throw Refusal.invalid("file", "bankStatement.fileMissing");
        }
        return importer.importStatement(account, file.getOriginalFilename(), file.getBytes());
    }

    /**
     * Stored lines in id order, at most 1000 a call; the next page starts after the last id seen ({@code afterId}).
     * {@code from} / {@code to} bound the value date (起息日), both inclusive; {@code account} as for the import.
     */
    @GetMapping
    List<BankStatementLine> lines(@RequestParam(required = false) String account,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) Long afterId,
                                  @RequestParam(defaultValue = "1000") int limit) {
        Long facilityId = account == null || account.isBlank() ? null : importer.resolve(account).id();
        return mapper.lines(facilityId, from, to, afterId, Math.max(1, Math.min(limit, MAX_ROWS)));
    }

    @ExceptionHandler(BankStatementInvalidException.class)
    ResponseEntity<ProblemDetail> invalid(BankStatementInvalidException e) {
        ProblemDetail problem = problems.build(HttpStatus.UNPROCESSABLE_CONTENT, BankStatementInvalidException.CODE,
                e.detail(problems::message), List.of());
        problem.setProperty("errors", e.resolve(problems::message).stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", p.line());
            error.put("reason", p.reason());
            return error;
        }).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ProblemResponses.PROBLEM_JSON)
                .body(problem);
    }
}
