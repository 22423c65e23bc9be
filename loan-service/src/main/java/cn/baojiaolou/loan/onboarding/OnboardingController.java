package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.web.ProblemResponses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * 台账 onboarding: the template, the export, the dry run of an uploaded workbook (201 with every row that breaks a
 * rule), its problems as XLSX, and the confirmation (all or nothing). Accountants (city scope) upload and confirm;
 * auditors may read.
 */
@RestController
@RequestMapping("/api/v1/onboarding")
class OnboardingController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OnboardingService onboarding;
    private final LedgerExport export;
    private final ProblemResponses problems;

    OnboardingController(OnboardingService onboarding, LedgerExport export, ProblemResponses problems) {
        this.onboarding = onboarding;
        this.export = export;
        this.problems = problems;
    }

    /** A check as the API answers it: the problems worded in the caller's language. */
@io.swagger.v3.oas.annotations.media.Schema(name = "OnboardingCheck")
    record View(long id, String fileName, String fileSha256, String status, int rowsTotal, int problemsCount,
                Map<String, Integer> rows, Map<String, Integer> created, List<OnboardingProblems.Worded> problems,
                String checkedBy, LocalDateTime checkedAt, String importedBy, LocalDateTime importedAt) {
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return xlsx(export.template(), "台账导入模板.xlsx");
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export() {
        return xlsx(export.export(), "台账导出.xlsx");
    }

    @PostMapping
    ResponseEntity<View> check(@RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("file", "onboarding.fileMissing");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(onboarding.check(file.getOriginalFilename(),
                file.getBytes())));
    }

    @GetMapping("/{id}")
    View get(@PathVariable long id) {
        return view(onboarding.get(id));
    }

    @GetMapping("/{id}/problems.xlsx")
    ResponseEntity<byte[]> problems(@PathVariable long id) {
        OnboardingService.Result r = onboarding.get(id);
        return xlsx(OnboardingProblems.xlsx(r, problems::message), "台账导入问题清单-" + id + ".xlsx");
    }

    @PostMapping("/{id}/confirmation")
    View confirm(@PathVariable long id) {
        return view(onboarding.confirm(id));
    }

    @ExceptionHandler(OnboardingRefusedException.class)
    ResponseEntity<ProblemDetail> refused(OnboardingRefusedException e) {
        ProblemDetail problem = problems.build(HttpStatus.UNPROCESSABLE_CONTENT, OnboardingRefusedException.CODE,
                problems.message(OnboardingRefusedException.CODE, e.result().problemsCount()), List.of());
        problem.setProperty("problems", OnboardingProblems.worded(e.result(), problems::message));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ProblemResponses.PROBLEM_JSON)
                .body(problem);
    }

    private View view(OnboardingService.Result r) {
        return new View(r.id(), r.fileName(), r.fileSha256(), r.status(), r.rowsTotal(), r.problemsCount(), r.rows(),
                r.created(), OnboardingProblems.worded(r, problems::message), r.checkedBy(), r.checkedAt(),
                r.importedBy(), r.importedAt());
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
