package cn.baojiaolou.loan.report;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import cn.baojiaolou.loan.user.UserMapper;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.loan.web.PageFormat;
import cn.baojiaolou.reports.ColumnType;
import cn.baojiaolou.reports.ReportKind;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 报表: pick a report and its parameters and download the PDF or XLSX (archived and audited like an API download),
 * see the archive of nightly prints and downloads (filtered by date, report and project or number, 50 a page by
 * keyset, exported whole to XLSX), and check whether an uploaded PDF is an archived original.
 */
@Controller
class ReportPages {

    private final ReportService reports;
    private final ReportArchive archive;
    private final ProjectService projects;
    private final DistrictService districts;
    private final PageErrors errors;
    private final ListExport export;
    private final MessageSource messages;
    private final UserMapper users;

    ReportPages(ReportService reports, ReportArchive archive, ProjectService projects, DistrictService districts,
                PageErrors errors, ListExport export, MessageSource messages, UserMapper users) {
        this.export = export;
        this.messages = messages;
        this.users = users;
        this.reports = reports;
        this.archive = archive;
        this.projects = projects;
        this.districts = districts;
        this.errors = errors;
    }

    static final int ARCHIVE_PAGE = 50;

    @GetMapping("/reports")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate archiveDate,
                @RequestParam(required = false) String archiveKind, @RequestParam(required = false) String archiveQ,
                @RequestParam(required = false) Long archiveAfter, Model model) {
        LoanUser user = CurrentUser.require();
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("projects", projects.search(null, null, null));
        model.addAttribute("districts", user.isCityScope() ? districts.all()
                : districts.all().stream().filter(d -> d.id() == user.districtId()).toList());
        String type = slug(archiveKind);
        List<ArchivedReport> found = archive.search(archiveDate, type, user.isCityScope() ? null : user.districtId(),
                archiveQ, archiveAfter, ARCHIVE_PAGE + 1);
        boolean more = found.size() > ARCHIVE_PAGE;
        List<ArchivedReport> shown = more ? found.subList(0, ARCHIVE_PAGE) : found;
        Map<String, String> names = names();
        model.addAttribute("archive", shown.stream().map(a -> row(a, names)).toList());
        model.addAttribute("archiveNext", more ? shown.get(ARCHIVE_PAGE - 1).id() : null);
        model.addAttribute("archiveDate", archiveDate);
        model.addAttribute("archiveKind", type);
        model.addAttribute("archiveQ", archiveQ == null || archiveQ.isBlank() ? null : archiveQ.trim());
        model.addAttribute("archiveAfter", archiveAfter);
        return "reports";
    }

    /** An archived report as the list shows it: what it is about, and who archived it by 姓名 in Beijing time. */
    record ArchiveRow(Long id, String reportType, String businessDate, String subject, String reportNumber,
                      String source, String archivedBy, String archivedAt, int pages, String sha256) {
        /** The start of the hash: enough to tell two rows apart at a glance; the whole one is in the export. */
        public String shortSha() {
            return sha256 == null || sha256.length() < 16 ? sha256 : sha256.substring(0, 16) + "…";
        }
    }

    private ArchiveRow row(ArchivedReport a, Map<String, String> names) {
        return new ArchiveRow(a.id(), a.reportType(), String.valueOf(a.businessDate()), subject(a.parameters()),
                a.reportNumber(), a.source(), a.createdBy() == null ? null
                : names.getOrDefault(a.createdBy(), a.createdBy()), PageFormat.beijingTime(a.createdAt()), a.pages(),
                a.sha256());
    }

    /** The archive under the page's filter, every row, as XLSX with the whole SHA-256 of each file. */
    @GetMapping("/reports/archive.xlsx")
    void exportArchive(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       LocalDate archiveDate, @RequestParam(required = false) String archiveKind,
                       @RequestParam(required = false) String archiveQ, HttpServletResponse response, Locale locale)
            throws IOException {
        LoanUser user = CurrentUser.require();
        String type = slug(archiveKind);
        Map<String, String> names = names();
        List<ListExport.Column<ArchiveRow>> columns = List.of(
                column("reports.kind", ColumnType.TEXT, (ArchiveRow r) -> messages.getMessage(
                        "report." + r.reportType() + ".title", null, r.reportType(), locale)),
                column("reports.businessDate", ColumnType.TEXT, ArchiveRow::businessDate),
                column("reports.subject", ColumnType.TEXT, ArchiveRow::subject),
                column("reports.number", ColumnType.TEXT, ArchiveRow::reportNumber),
                column("reports.source", ColumnType.TEXT, (ArchiveRow r) -> messages.getMessage(
                        "reports.source." + r.source(), null, r.source(), locale)),
                column("reports.archivedBy", ColumnType.TEXT, ArchiveRow::archivedBy),
                column("reports.archivedAt", ColumnType.TEXT, ArchiveRow::archivedAt),
                column("reports.pages", ColumnType.INTEGER, ArchiveRow::pages),
                column("reports.sha256", ColumnType.TEXT, ArchiveRow::sha256));
        String filter = ListExport.filter(
                        archiveDate == null ? null : messages.getMessage("reports.businessDate", null, locale) + "："
                                + archiveDate,
                        type == null ? null : messages.getMessage("report." + type + ".title", null, type, locale),
                        archiveQ == null || archiveQ.isBlank() ? null : "“" + archiveQ.trim() + "”");
        export.write(response, "reports.archive", "reports.archiveTitle", filter, columns, (last, limit) ->
                archive.search(archiveDate, type, user.isCityScope() ? null : user.districtId(), archiveQ,
                        last == null ? null : last.id(), limit).stream().map(a -> row(a, names)).toList(), locale);
    }

    /** A report kind's slug as the archive stores it, or null for any (an unknown one filters nothing out). */
    private static String slug(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        for (ReportKind k : ReportKind.values()) {
            if (k.slug().equals(kind)) {
                return k.slug();
            }
        }
        return null;
    }

    /** The report's own parameters (after "slug|date|"): a project or district code, a month, as "k=v" words. */
    private String subject(String canonical) {
        if (canonical == null) {
            return "";
        }
        String[] parts = canonical.split("\\|");
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = parts[i].substring(0, eq);
            String value = parts[i].substring(eq + 1);
            if (key.equals("lang")) {
                continue; // the language of the file, not what it is about
            }
            if (value.equals("all")) {
                value = messages.getMessage("export.all", null, java.util.Locale.SIMPLIFIED_CHINESE);
            }
            if (s.length() > 0) {
                s.append("；");
            }
            s.append(messages.getMessage("reports.param." + key, null, key, java.util.Locale.SIMPLIFIED_CHINESE))
                    .append(' ').append(value);
        }
        return s.toString();
    }

    private Map<String, String> names() {
        return users.namesByLogin();
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
        return page(null, null, null, null, model);
    }
}
