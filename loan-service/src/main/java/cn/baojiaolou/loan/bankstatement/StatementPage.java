package cn.baojiaolou.loan.bankstatement;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.web.PageErrors;

/**
 * 银行流水导入 (accountants): upload a 专户 statement (CSV or XLSX, UTF-8 or GBK). A file with bad lines is refused
 * whole, and every bad line is listed with its number and reason; otherwise the counts imported and skipped.
 */
@Controller
class StatementPage {

    private final BankStatementImporter importer;
    private final FacilityService facilities;
    private final MessageSource messages;
    private final PageErrors errors;

    StatementPage(BankStatementImporter importer, FacilityService facilities, MessageSource messages,
                  PageErrors errors) {
        this.importer = importer;
        this.facilities = facilities;
        this.messages = messages;
        this.errors = errors;
    }

    @GetMapping("/statements")
    String form(Model model) {
        model.addAttribute("facilities", facilities.all());
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
        }
        return form(model);
    }
}
