package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.web.PageErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Locale;

/**
 * 台账导入 (accountants): download the template (or the current data in it), upload a workbook for the dry run, read
 * every row that breaks a rule with its sheet, row and reason (or download them as XLSX), and confirm a clean one.
 */
@Controller
class OnboardingPages {

    private final OnboardingService onboarding;
    private final LedgerExport export;
    private final MessageSource messages;
    private final PageErrors errors;

    OnboardingPages(OnboardingService onboarding, LedgerExport export, MessageSource messages, PageErrors errors) {
        this.onboarding = onboarding;
        this.export = export;
        this.messages = messages;
        this.errors = errors;
    }

    @GetMapping("/onboarding")
    String page(Model model) {
        model.addAttribute("imports", onboarding.recent());
        model.addAttribute("sheets", LedgerTemplate.SHEETS);
        return "onboarding";
    }

    @PostMapping("/onboarding")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw Refusal.invalid("file", "onboarding.fileMissing");
            }
            OnboardingService.Result r = onboarding.check(file.getOriginalFilename(), file.getBytes());
            return "redirect:/onboarding/" + r.id();
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return page(model);
        }
    }

    @GetMapping("/onboarding/{id}")
    String result(@PathVariable long id, Model model, Locale locale) {
        OnboardingService.Result r = onboarding.get(id);
        model.addAttribute("r", r);
        model.addAttribute("problems", OnboardingProblems.worded(r, (k, a) -> messages.getMessage(k, a, k, locale)));
        return "onboarding-result";
    }

    @PostMapping("/onboarding/{id}/confirm")
    String confirm(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            OnboardingService.Result r = onboarding.confirm(id);
            redirect.addFlashAttribute("notice", messages.getMessage("page.onboardingImported",
                    new Object[]{r.fileName(), r.rowsTotal()}, locale));
        } catch (OnboardingRefusedException e) {
            redirect.addFlashAttribute("error", messages.getMessage(OnboardingRefusedException.CODE,
                    new Object[]{e.result().problemsCount()}, locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/onboarding/" + id;
    }

    @GetMapping("/onboarding/{id}/problems.xlsx")
    ResponseEntity<byte[]> problems(@PathVariable long id, Locale locale) {
        OnboardingService.Result r = onboarding.get(id);
        return OnboardingController.xlsx(OnboardingProblems.xlsx(r, (k, a) -> messages.getMessage(k, a, k, locale)),
                "台账导入问题清单-" + id + ".xlsx");
    }

    @GetMapping("/onboarding/template.xlsx")
    ResponseEntity<byte[]> template() {
        return OnboardingController.xlsx(export.template(), "台账导入模板.xlsx");
    }

    @GetMapping("/onboarding/export.xlsx")
    ResponseEntity<byte[]> exported() {
        return OnboardingController.xlsx(export.export(), "台账导出.xlsx");
    }
}
