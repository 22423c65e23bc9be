package cn.baojiaolou.loan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.time.LocalDateTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportNumbers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The five reports as PDF (and the 台账 and 汇总表 as XLSX) for accountants, reviewers and auditors within their
 * district; the archive of printed reports; and the check whether a PDF is an archived original. The SHA-256 of
 * every file is in {@code X-Content-SHA256}; the filename is Chinese (RFC 5987) with an ASCII fallback.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final String SHA256_HEADER = "X-Content-SHA256";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_ARCHIVE_ROWS = 500;

    private final ReportService reports;
    private final ReportArchive archive;
    private final LoanSummaryReport summary;
    private final LocaleResolver locales;
    private final String cityIssuingUnit;

    ReportController(ReportService reports, ReportArchive archive, LoanSummaryReport summary,
                     LocaleResolver locales,
                     @org.springframework.beans.factory.annotation.Value("${loan.reports.issuing-unit}")
                     String cityIssuingUnit) {
        this.cityIssuingUnit = cityIssuingUnit;
        this.reports = reports;
        this.archive = archive;
        this.summary = summary;
        this.locales = locales;
    }

    @GetMapping("/{report:[a-z-]+}.{format:pdf|xlsx}")
    ResponseEntity<byte[]> download(@PathVariable String report, @PathVariable String format,
                                    ReportService.ReportQuery query, HttpServletRequest request) {
        ReportContext c = reports.context(ReportService.kind(report), query, locales.resolveLocale(request));
        return file(c, format.equals("pdf") ? reports.downloadPdf(c) : reports.downloadXlsx(c), format);
    }

    /** The download response, for the API and the reports page alike. */
    static ResponseEntity<byte[]> file(ReportContext c, ReportService.ReportFile file, String format) {
        boolean isPdf = format.equals("pdf");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(isPdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(c, format))
                .header(SHA256_HEADER, file.sha256())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())) + ":")
                .header("X-Report-Number", c.reportNumber());
        if (isPdf) {
            response.header("X-Report-Pages", Integer.toString(file.pages()));
        }
        return response.body(file.bytes());
    }

    /** The 汇总表's figures as JSON: the same numbers the PDF and XLSX print. */
    /** The summary's figures: one line per district and the total. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportSummary")
    record Summary(LocalDate businessDate, String reportNumber, List<LoanSummaryReport.Line> districts,
                   LoanSummaryReport.Line total) {
    }

    /** The answer of a verification: the report's particulars when it is an archived original. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportVerification")
    record Verification(String sha256, boolean archived, String report, String reportNumber, LocalDate businessDate,
                        String parameters, Integer pages, LocalDateTime archivedAt, String source,
                        ReportService.SignatureStatus signature) {
    }

    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate businessDate,
                                @RequestParam(required = false) String district, HttpServletRequest request) {
        ReportContext c = reports.context(ReportKind.SUMMARY, new ReportService.ReportQuery(null, businessDate,
                null, null, district), locales.resolveLocale(request));
        List<LoanSummaryReport.Line> lines = summary.lines(c);
        return new Summary(c.businessDate(), c.reportNumber(), lines,
                LoanSummaryReport.total(lines, new ReportMessages(c.locale()).get("label.total")));
    }

    /**
     * The month's archive package (电子会计档案, issue 13): a zip of the month's archived PDFs and index.xml, for
     * city-scope readers (it holds every district's reports). Verify it offline with {@code ArchivePackage}.
     */
    @GetMapping(value = "/archive/package", produces = "application/zip")
    ResponseEntity<byte[]> archivePackage(@RequestParam String month) throws IOException {
        java.time.YearMonth ym;
        try {
            ym = java.time.YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("month", "report.month.invalid");
        }
        if (!CurrentUser.require().isCityScope()) {
            throw Refusal.notFound("report.unknown", "archive/package");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        archive.monthlyPackage(ym, cityIssuingUnit, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"report-archive-" + ym + ".zip\"")
                .body(out.toByteArray());
    }

    /** Nightly prints and downloads, newest first; a district user sees their district's only. */
    @GetMapping("/archive")
    List<ArchivedReport> archive(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate businessDate,
                                 @RequestParam(required = false) String report) {
        String type = report == null ? null : ReportService.kind(report).slug();
        LoanUser user = CurrentUser.require();
        Long districtId = user.isCityScope() ? null : user.districtId();
        return archive.search(businessDate, type, districtId, MAX_ARCHIVE_ROWS);
    }

    /**
     * Is this an archived original? multipart/form-data with {@code file} (the PDF), or {@code sha256} (64 hex
     * digits). Answers 200 either way; {@code archived} says whether it is one, and which report it is.
     */
    @PostMapping(value = "/verification", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    Verification verify(@RequestParam(value = "file", required = false) MultipartFile file,
                               @RequestParam(value = "sha256", required = false) String sha256) throws IOException {
        String hash = sha256Of(file, sha256);
        ArchivedReport found = reports.verify(hash);
        // an uploaded file's own signature: what an auditor outside the system checks with any PDF reader
        ReportService.SignatureStatus signature = file == null || file.isEmpty() ? null
                : reports.signature(file.getBytes());
        if (found == null) {
            return new Verification(hash, false, null, null, null, null, null, null, null, signature);
        }
        return new Verification(hash, true, found.reportType(), found.reportNumber(), found.businessDate(),
                found.parameters(), found.pages(), found.createdAt(), found.source(), signature);
    }

    /** The SHA-256 to look up: of the uploaded file, or the one typed (64 hex digits). */
    static String sha256Of(MultipartFile file, String sha256) throws IOException {
        if (file != null && !file.isEmpty()) {
            return ReportNumbers.sha256Hex(file.getBytes());
        }
        if (sha256 != null && !sha256.isBlank()) {
            if (!SHA256.matcher(sha256.trim()).matches()) {
                throw Refusal.invalid("sha256", "report.sha256.invalid");
            }
            return sha256.trim().toLowerCase(Locale.ROOT);
        }
        throw Refusal.invalid("file", "report.verification.missing");
    }

    private static String disposition(ReportContext c, String format) {
        String subject = c.project() != null ? c.project().code()
                : c.district() != null ? c.district().code() : "all";
        String title = new ReportMessages(c.locale()).get(c.kind().titleKey());
        String name = title + "-" + subject + "-" + c.businessDate() + "." + format;
        String ascii = c.kind().slug() + "-" + subject.replaceAll("[^A-Za-z0-9-]", "_") + "-" + c.businessDate()
                + "." + format;
        // filename* carries the Chinese name (RFC 5987); filename is the fallback for old clients
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Percent-encodes UTF-8 bytes outside RFC 5987's attr-char. */
    static String rfc5987(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", (int) c));
            }
        }
        return s.toString();
    }
}
