package cn.baojiaolou.loan.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ReportKind;

/**
 * 报表: pick a report and its parameters and download the PDF or XLSX (archived and audited like an API download),
 * see the archive of nightly prints with their SHA-256, and check whether an uploaded PDF is an archived original.
 */
@Controller
class ReportPages {

    private final ReportService reports;
    private final ReportArchive archive;
    private final ProjectService projects;
    private final DistrictService districts;
    private final PageErrors errors;

    ReportPages(ReportService reports, ReportArchive archive, ProjectService projects, DistrictService districts,
                PageErrors errors) {
        this.reports = reports;
        this.archive = archive;
        this.projects = projects;
        this.districts = districts;
        this.errors = errors;
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate archiveDate,
                Model model) {
        LoanUser user = CurrentUser.require();
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("projects", projects.search(null, null, null));
        model.addAttribute("districts", user.isCityScope() ? districts.all()
                : districts.all().stream().filter(d -> d.id() == user.districtId()).toList());
        model.addAttribute("archiveDate", archiveDate);
        model.addAttribute("archive", archive.search(archiveDate, null,
                user.isCityScope() ? null : user.districtId(), 100));
        return "reports";
    }

    /** The same download as the API's, for the signed-in page user (archived and audited alike). */
    @GetMapping("/reports/download/{report:[a-z-]+}.{format:pdf|xlsx}")
    ResponseEntity<byte[]> download(@PathVariable String report, @PathVariable String format,
                                    ReportService.ReportQuery query, Locale locale) {
        ReportContext c = reports.context(ReportService.kind(report), query, locale);
        return ReportController.file(c, format.equals("pdf") ? reports.downloadPdf(c) : reports.downloadXlsx(c),
                format);
    }

    @PostMapping("/reports/verification")
    String verify(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "sha256", required = false) String sha256, Model model, Locale locale)
            throws IOException {
        try {
            String hash = ReportController.sha256Of(file, sha256);
            model.addAttribute("verifiedSha256", hash);
            model.addAttribute("verified", reports.verify(hash));
            model.addAttribute("verificationDone", true);
        } catch (Refusal e) {
            errors.show(model, e, locale);
        }
        return page(null, model);
    }
}
