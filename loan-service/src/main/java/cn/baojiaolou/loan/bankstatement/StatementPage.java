package cn.baojiaolou.loan.bankstatement;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 银行流水导入 (accountants): upload a 专户 statement (CSV, TXT, XLSX or XLS; UTF-8, GBK or GB18030; the system's format,
 * a bank's layout or a mapped one). A file with bad lines is refused whole, and every bad line is listed with its
 * number and reason; otherwise the counts imported, skipped and held. Also the probable duplicates held by imports
 * (confirm or drop) and the mapping of an unknown header.
 */
@Controller
class StatementPage {

    private final BankStatementImporter importer;
    private final HeldLines held;
    private final StatementMappings mappings;
    private final FacilityService facilities;
    private final MessageSource messages;
    private final PageErrors errors;

    private final ListExport export;

    StatementPage(BankStatementImporter importer, HeldLines held, StatementMappings mappings,
                  FacilityService facilities, MessageSource messages, PageErrors errors, ListExport export) {
        this.export = export;
        this.importer = importer;
        this.held = held;
        this.mappings = mappings;
        this.facilities = facilities;
        this.messages = messages;
        this.errors = errors;
    }

    @GetMapping("/statements")
    String form(Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("layouts", mappings.layouts());
        return "statements";
    }

    @PostMapping("/statements")
    String upload(@RequestParam(required = false) String account,
                  @RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        model.addAttribute("account", account);
        try {
            if (account == null || account.isBlank()) {
                throw Refusal.invalid("account", "bankStatement.accountMissing");
            }
            if (file == null || file.isEmpty()) {
                throw Refusal.invalid("file", "bankStatement.fileMissing");
            }
            model.addAttribute("result", importer.importStatement(account, file.getOriginalFilename(),
                    file.getBytes()));
        } catch (BankStatementInvalidException e) {
            model.addAttribute("lineErrors", e.resolve((key, args) -> messages.getMessage(key, args, key, locale)));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (Refusal e) {
            errors.show(model, e, locale);
            model.addAttribute("unknownLayout", "bankStatement.unknownLayout".equals(e.messageKey())
                    || "bankStatement.noHeader".equals(e.messageKey()));
        }
        return form(model);
    }

    // ------------------------------------------------------------------------------------------------ held lines

    @GetMapping("/statements/held")
    String heldLines(@RequestParam(required = false) String account, Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("account", account);
        model.addAttribute("held", held.list(account, HeldLines.HELD));
        model.addAttribute("decided", held.list(account, null).stream()
                .filter(h -> !HeldLines.HELD.equals(h.status())).toList());
        return "statements-held";
    }

    @PostMapping("/statements/held/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String note, Locale locale,
                   RedirectAttributes redirect) {
        return decide(() -> held.confirm(id, PageErrors.note("note", note, false)), "page.heldConfirmed", id, locale,
                redirect);
    }

    @PostMapping("/statements/held/{id}/drop")
    String drop(@PathVariable long id, @RequestParam(required = false) String note, Locale locale,
                RedirectAttributes redirect) {
        return decide(() -> held.drop(id, PageErrors.note("note", note, false)), "page.heldDropped", id, locale,
                redirect);
    }

    private String decide(Runnable action, String done, long id, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule(done, id), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/statements/held";
    }

    // ------------------------------------------------------------------------------------------------ mapping

    /** The held lines of one 专户 or all, held and decided, as XLSX (what the accountant checks against the bank). */
    @GetMapping("/statements/held.xlsx")
    void exportHeld(@RequestParam(required = false) String account, HttpServletResponse response, Locale locale)
            throws IOException {
        List<BankStatementMapper.HeldLine> all = held.list(account, null);
        List<ListExport.Column<BankStatementMapper.HeldLine>> columns = List.of(
                column("statements.facility", ColumnType.TEXT, BankStatementMapper.HeldLine::facilityCode),
                column("statements.file", ColumnType.TEXT, BankStatementMapper.HeldLine::fileName),
                column("statements.line", ColumnType.INTEGER, BankStatementMapper.HeldLine::lineNo),
                column("bankStatement.column.txnDate", ColumnType.DATE, BankStatementMapper.HeldLine::txnDate),
                column("bankStatement.column.direction", ColumnType.TEXT, (BankStatementMapper.HeldLine h) ->
                        messages.getMessage("direction." + h.direction(), null, String.valueOf(h.direction()), locale)),
                column("col.amountYuan", ColumnType.YUAN, BankStatementMapper.HeldLine::amount),
                column("bankStatement.column.counterpartyName", ColumnType.TEXT,
                        BankStatementMapper.HeldLine::counterpartyName),
                column("bankStatement.column.voucherNo", ColumnType.TEXT, BankStatementMapper.HeldLine::voucherNo),
                column("bankStatement.column.bankSerialNo", ColumnType.TEXT,
                        BankStatementMapper.HeldLine::bankSerialNo),
                column("statements.duplicateOf", ColumnType.TEXT, BankStatementMapper.HeldLine::duplicateSerialNo),
                column("col.status", ColumnType.TEXT, (BankStatementMapper.HeldLine h) ->
                        messages.getMessage("held." + h.status(), null, h.status(), locale)),
                column("statements.decisionNote", ColumnType.TEXT, BankStatementMapper.HeldLine::decisionNote));
        export.write(response, "statements.held", "statements.heldTitle", account, columns,
                (last, limit) -> last == null ? all : List.of(), locale);
    }

    @GetMapping("/statements/mapping")
    String mapping(@RequestParam(required = false) String account, Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("account", account);
        model.addAttribute("fields", StatementField.choices());
        if (account != null && !account.isBlank()) {
            try {
                model.addAttribute("saved", mappings.mappings(account));
            } catch (Refusal ignored) {
                // an unknown account shows no saved mappings
            }
        }
        return "statements-mapping";
    }

    /** Step 1: the file's first rows and its header, each cell with a field to choose. */
    @PostMapping("/statements/mapping/preview")
    String preview(@RequestParam(required = false) String account,
                   @RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        try {
            if (account == null || account.isBlank()) {
                throw Refusal.invalid("account", "bankStatement.accountMissing");
            }
            if (file == null || file.isEmpty()) {
                throw Refusal.invalid("file", "bankStatement.fileMissing");
            }
            model.addAttribute("preview", mappings.preview(account, file.getBytes()));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (Refusal e) {
            errors.show(model, e, locale);
        }
        return mapping(account, model);
    }

    /** Step 2: the chosen field of every header cell, saved for the 专户. */
    @PostMapping("/statements/mapping")
    String save(@RequestParam String account, @RequestParam(value = "headers", required = false) List<String> headers,
                @RequestParam(value = "fields", required = false) List<String> fields, Model model, Locale locale) {
        try {
            StatementMappings.MappingView saved = mappings.save(account, headers == null ? List.of() : headers,
                    fields == null ? List.of() : fields);
            model.addAttribute("notice", messages.getMessage("page.mappingSaved",
                    new Object[]{saved.account(), saved.headers().size()}, locale));
        } catch (Refusal e) {
            errors.show(model, e, locale);
            model.addAttribute("error", errors.message(e, locale));
            model.addAttribute("errorField", null);
            model.addAttribute("headers", headers == null ? new ArrayList<>() : headers);
        }
        return mapping(account, model);
    }
}
