package cn.baojiaolou.loan.court;

import static cn.baojiaolou.loan.web.ListExport.column;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.court.CourtDeduction;
import cn.baojiaolou.loan.domain.court.CourtFreeze;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * 司法冻结/扣划 (accountants, reviewers, auditors): the register of court actions on the 专户 with what they hold back
 * of its balance; accountants register freezes and deductions, release freezes and record recoveries, reviewers write
 * deductions off; everyone who reads reports downloads the letter drafts. The COURT_DEDUCTION exceptions of the nightly
 * close are on the exceptions page (rule 司法扣划未追回), linked from each open deduction.
 */
@Controller
class CourtPages {

    private final CourtRegister register;
    private final CourtLetters letters;
    private final FacilityService facilities;
    private final BusinessClock clock;
    private final PageErrors errors;
    private final ListExport export;
    private final MessageSource messages;

    CourtPages(CourtRegister register, CourtLetters letters, FacilityService facilities, BusinessClock clock,
               PageErrors errors, ListExport export, MessageSource messages) {
        this.export = export;
        this.messages = messages;
        this.register = register;
        this.letters = letters;
        this.facilities = facilities;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/court-actions")
    String page(@RequestParam(required = false) String facility, Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("facility", facility);
        model.addAttribute("register", register.register(facility));
        model.addAttribute("view", facility == null || facility.isBlank() ? null : facilities.get(facility));
        model.addAttribute("today", clock.today());
        return "court-actions";
    }

    /** The freezes of the register (one 专户 or all), as XLSX. */
    @GetMapping("/court-actions/freezes.xlsx")
    void exportFreezes(@RequestParam(required = false) String facility, HttpServletResponse response, Locale locale)
            throws IOException {
        List<CourtFreeze> all = register.register(facility).freezes();
        List<ListExport.Column<CourtFreeze>> columns = List.of(
                column("statements.facility", ColumnType.TEXT, CourtFreeze::facilityCode),
                column("court.court", ColumnType.TEXT, CourtFreeze::court),
                column("court.caseNo", ColumnType.TEXT, CourtFreeze::caseNo),
                column("col.amountYuan", ColumnType.YUAN, CourtFreeze::amount),
                column("court.frozenOn", ColumnType.DATE, CourtFreeze::frozenOn),
                column("col.status", ColumnType.TEXT, (CourtFreeze z) -> z.releasedOn() == null
                        ? label("court.active", locale) : label("court.released", locale) + " " + z.releasedOn()),
                column("court.releaseRef", ColumnType.TEXT, CourtFreeze::releaseRef),
                column("court.note", ColumnType.TEXT, CourtFreeze::note));
        export.write(response, "court.freezes", "court.freezes", facility, columns,
                (last, limit) -> last == null ? all : List.of(), locale);
    }

    /** The deductions of the register with what was recovered and what is still missing, as XLSX. */
    @GetMapping("/court-actions/deductions.xlsx")
    void exportDeductions(@RequestParam(required = false) String facility, HttpServletResponse response,
                          Locale locale) throws IOException {
        List<CourtDeduction> all = register.register(facility).deductions().stream()
                .map(CourtRegister.DeductionView::deduction).toList();
        List<ListExport.Column<CourtDeduction>> columns = List.of(
                column("statements.facility", ColumnType.TEXT, CourtDeduction::facilityCode),
                column("court.court", ColumnType.TEXT, CourtDeduction::court),
                column("court.caseNo", ColumnType.TEXT, CourtDeduction::caseNo),
                column("col.amountYuan", ColumnType.YUAN, CourtDeduction::amount),
                column("court.deductedOn", ColumnType.DATE, CourtDeduction::deductedOn),
                column("court.recovered", ColumnType.YUAN, CourtDeduction::recovered),
                column("col.status", ColumnType.TEXT,
                        (CourtDeduction d) -> label("deduction." + d.status().name(), locale)),
                column("court.writtenOffOn", ColumnType.DATE, CourtDeduction::writtenOffOn),
                column("court.note", ColumnType.TEXT, (CourtDeduction d) -> d.writeOffNote() != null
                        ? d.writeOffNote() : d.note()));
        export.write(response, "court.deductions", "court.deductions", facility, columns,
                (last, limit) -> last == null ? all : List.of(), locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @PostMapping("/court-actions/freezes")
    String freeze(@RequestParam String facilityCode, @RequestParam String court, @RequestParam String caseNo,
                  @RequestParam String amount, @RequestParam String frozenOn,
                  @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return act(() -> register.registerFreeze(new CourtRegister.NewFreeze(facilityCode,
                PageErrors.note("court", court, true), PageErrors.note("caseNo", caseNo, true),
                PageErrors.amount("amount", amount), date("frozenOn", frozenOn), PageErrors.note("note", note, false),
                null)), "page.freezeRegistered", facilityCode, locale, redirect);
    }

    @PostMapping("/court-actions/freezes/{id}/release")
    String release(@PathVariable long id, @RequestParam String releasedOn, @RequestParam String releaseRef,
                   @RequestParam String facility, Locale locale, RedirectAttributes redirect) {
        return act(() -> register.release(id, date("releasedOn", releasedOn),
                PageErrors.note("releaseRef", releaseRef, true)), "page.freezeReleased", facility, locale, redirect);
    }

    @PostMapping("/court-actions/deductions")
    String deduction(@RequestParam String facilityCode, @RequestParam(required = false) String court,
                     @RequestParam(required = false) String caseNo, @RequestParam String amount,
                     @RequestParam String deductedOn, @RequestParam(required = false) String note, Locale locale,
                     RedirectAttributes redirect) {
        return act(() -> register.registerDeduction(new CourtRegister.NewDeduction(facilityCode,
                PageErrors.note("court", court, false), PageErrors.note("caseNo", caseNo, false),
                PageErrors.amount("amount", amount), date("deductedOn", deductedOn),
                PageErrors.note("note", note, false), null)), "page.deductionRegistered", facilityCode, locale,
                redirect);
    }

    @PostMapping("/court-actions/deductions/{id}/particulars")
    String particulars(@PathVariable long id, @RequestParam String court, @RequestParam String caseNo,
                       @RequestParam String facility, Locale locale, RedirectAttributes redirect) {
        return act(() -> register.particulars(id, PageErrors.note("court", court, true),
                PageErrors.note("caseNo", caseNo, true)), "page.deductionUpdated", facility, locale, redirect);
    }

    @PostMapping("/court-actions/deductions/{id}/recoveries")
    String recover(@PathVariable long id, @RequestParam String amount, @RequestParam String recoveredOn,
                   @RequestParam(required = false) String note, @RequestParam String facility, Locale locale,
                   RedirectAttributes redirect) {
        return act(() -> register.recover(id, PageErrors.amount("amount", amount), date("recoveredOn", recoveredOn),
                null, PageErrors.note("note", note, false)), "page.deductionRecovered", facility, locale, redirect);
    }

    @PostMapping("/court-actions/deductions/{id}/write-off")
    String writeOff(@PathVariable long id, @RequestParam String writtenOffOn, @RequestParam String note,
                    @RequestParam String facility, Locale locale, RedirectAttributes redirect) {
        return act(() -> register.writeOff(id, date("writtenOffOn", writtenOffOn), PageErrors.note("note", note,
                true)), "page.deductionWrittenOff", facility, locale, redirect);
    }

    @GetMapping("/court-actions/deductions/{id}/letter.pdf")
    ResponseEntity<byte[]> deductionLetter(@PathVariable long id) {
        return CourtController.pdf(letters.deductionLetter(id), "司法扣划函-" + id + ".pdf");
    }

    @GetMapping("/court-actions/freezes/{id}/letter.pdf")
    ResponseEntity<byte[]> freezeLetter(@PathVariable long id) {
        return CourtController.pdf(letters.freezeLetter(id), "司法冻结函-" + id + ".pdf");
    }

    private String act(Supplier<?> action, String done, String facility, Locale locale,
                       RedirectAttributes redirect) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule(done, facility), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return facility == null || facility.isBlank() ? "redirect:/court-actions"
                : "redirect:/court-actions?facility=" + java.net.URLEncoder.encode(facility,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "page.date.invalid");
        }
    }
}
