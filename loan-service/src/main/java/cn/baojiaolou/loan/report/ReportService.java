package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.district.DistrictMapper;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.project.ProjectAccess;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.reports.PdfReportRenderer;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportNumbers;
import cn.baojiaolou.reports.SignatureCheck;
import cn.baojiaolou.reports.XlsxReportRenderer;

/**
 * Checks a report request against the user's scope, assembles the report and renders it. Downloads are archived and
 * audited; the nightly close prints through {@link #nightlyContext} and {@link ReportArchive}.
 */
@Service
@PreAuthorize(Authorities.REPORT_READERS)
public class ReportService {

    /** The longest period of a 资金拨付审计报告: a year (366 days with a leap day). */
    static final int MAX_PERIOD_DAYS = 366;

    private final Map<ReportKind, ReportAssembler> assemblers = new EnumMap<>(ReportKind.class);
    private final PdfReportRenderer pdf;
    private final XlsxReportRenderer xlsx = new XlsxReportRenderer();
    private final ReportArchive archive;
    private final ProjectAccess access;
    private final DistrictMapper districts;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final String cityIssuingUnit;

    public ReportService(List<ReportAssembler> assemblers, ReportArchive archive, ProjectAccess access,
                         DistrictMapper districts, AuditTrail audit, BusinessClock clock,
                         @Value("${loan.reports.issuing-unit}") String cityIssuingUnit, ReportSigning signing) {
        this.pdf = signing.renderer();
        assemblers.forEach(a -> this.assemblers.put(a.kind(), a));
        this.archive = archive;
        this.access = access;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
        this.cityIssuingUnit = cityIssuingUnit;
    }

    /** The parameters of a download, as the user gave them (any may be null); bound from the query string. */
    public record ReportQuery(String project,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              String district) {

        /** Empty text is no value: a form's blank select sends project= or district=. */
        public ReportQuery {
            project = project == null || project.isBlank() ? null : project;
            district = district == null || district.isBlank() ? null : district;
        }
    }

    /** A rendered download: the file's bytes, its SHA-256 and the archive row for a PDF. */
    public record ReportFile(ReportContext context, byte[] bytes, String sha256, int pages, ArchivedReport archived) {
    }

    public static ReportKind kind(String slug) {
        return ReportKind.fromSlug(slug).orElseThrow(() -> Refusal.notFound("report.unknown", slug));
    }

    /**
     * Checks and completes a request. The business date defaults to yesterday (Beijing) and must be before today:
     * a report shows a closed day. A district user's report covers their district; naming another district, or
     * another district's project, answers 404 like an unknown one, and is audited.
     */
    public ReportContext context(ReportKind kind, ReportQuery q, Locale requested) {
        return context(kind, q, requested, false);
    }

    /** The 汇总表's figures up to now, for the dashboard: the same scope, today's rows included. */
    @PreAuthorize(Authorities.SIGNED_IN)
    public ReportContext liveSummaryContext(Locale requested) {
        return context(ReportKind.SUMMARY, new ReportQuery(null, clock.today(), null, null, null), requested, true);
    }

    private ReportContext context(ReportKind kind, ReportQuery q, Locale requested, boolean live) {
        Locale locale = ReportMessages.supported(requested);
        LocalDate today = clock.today();
        LocalDate businessDate = q.businessDate();
        if (businessDate == null) {
            businessDate = kind == ReportKind.DISBURSEMENT_AUDIT && q.to() != null ? q.to() : today.minusDays(1);
        }
        if (!businessDate.isBefore(today) && !live) {
            throw Refusal.ruleOnField("businessDate", "report.businessDate.notPast", businessDate, today);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lang", locale.getLanguage());
        Project project = null;
        District district = null;
        LocalDate from = null;
        LocalDate to = null;
        if (kind == ReportKind.PROJECT_LEDGER || kind == ReportKind.MONTHLY_LEDGER) {
            if (q.project() == null || q.project().isBlank()) {
                throw Refusal.invalid("project", "report.project.required");
            }
            project = access.require(q.project().trim());
            district = districts.findById(project.districtId());
            parameters.put("project", project.code());
        } else {
            district = district(q.district());
            parameters.put("district", district == null ? "all" : district.code());
        }
        if (kind == ReportKind.DISBURSEMENT_AUDIT) {
            to = q.to() == null ? businessDate : q.to();
            from = q.from() == null ? to.withDayOfMonth(1) : q.from();
            if (!to.isBefore(today)) {
                throw Refusal.ruleOnField("to", "report.businessDate.notPast", to, today);
            }
            if (from.isAfter(to)) {
                throw Refusal.ruleOnField("from", "report.period.order", from, to);
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
                throw Refusal.ruleOnField("from", "report.period.tooLong", MAX_PERIOD_DAYS);
            }
            businessDate = to;
            parameters.put("from", from.toString());
            parameters.put("to", to.toString());
        }
        return new ReportContext(kind, businessDate, from, to, project, district, locale, parameters,
                issuingUnit(district));
    }

    /** A report the nightly close prints: city-wide, or one project's 台账; Chinese. */
    @PreAuthorize(Authorities.SYSTEM)
    public ReportContext nightlyContext(ReportKind kind, LocalDate businessDate, Project project) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lang", "zh");
        District district = null;
        if (project != null) {
            district = districts.findById(project.districtId());
            parameters.put("project", project.code());
        } else {
            parameters.put("district", "all");
        }
        return new ReportContext(kind, businessDate, null, null, project, district, Locale.SIMPLIFIED_CHINESE,
                parameters, issuingUnit(district));
    }

    public ReportDocument document(ReportContext c) {
        return assemblers.get(c.kind()).assemble(c);
    }

    public RenderedPdf render(ReportContext c) {
        return pdf.render(document(c), c.locale());
    }

    public ReportFile downloadPdf(ReportContext c) {
        RenderedPdf rendered = render(c);
        ArchivedReport archived = archive.recordPdfDownload(c, rendered);
        return new ReportFile(c, rendered.bytes(), rendered.sha256(), rendered.pages(), archived);
    }

    public ReportFile downloadXlsx(ReportContext c) {
        if (c.kind() != ReportKind.PROJECT_LEDGER && c.kind() != ReportKind.SUMMARY) {
            throw Refusal.notFound("report.xlsx.unavailable", c.kind().slug());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            xlsx.render(document(c), c.locale(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        String sha256 = ReportNumbers.sha256Hex(bytes);
        archive.recordXlsxDownload(c, sha256);
        return new ReportFile(c, bytes, sha256, 0, null);
    }

    /** Is this an archived original? By the SHA-256 of the file, computed here, or given. */
    public ArchivedReport verify(String sha256) {
        ArchivedReport found = archive.find(sha256);
        archive.recordVerification(sha256, found);
        return found;
    }

    /**
     * The signature of an uploaded PDF, checked in the file itself (so it holds outside the system too), as a
     * verification answer: status (UNSIGNED, VALID, INVALID), signer, certificate serial, signing time, whether it
     * covers the whole file and whether the certificate is this system's signing certificate.
     */
    public SignatureStatus signature(byte[] file) {
        SignatureCheck.Result r = SignatureCheck.check(file);
        if (r.status() == SignatureCheck.Status.UNSIGNED) {
            return new SignatureStatus(r.status().name(), null, null, null, null, null, null);
        }
        return new SignatureStatus(r.status().name(), r.signer(), r.certificateSerial(),
                r.signedAt() == null ? null : r.signedAt().toOffsetDateTime().toString(), r.coversWholeFile(),
                r.certificate() != null && pdf.signer() != null
                        && r.certificate().equals(pdf.signer().key().certificate()), r.problem());
    }

    /**
     * An uploaded PDF's own signature: UNSIGNED, VALID or INVALID; for a signed file the signer, the certificate's
     * serial, the signing time (with its offset), whether it covers the whole file, whether the certificate is this
     * system's, and what is wrong with an invalid one.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SignatureStatus(String status, String signer, String certificateSerial, String signedAt,
                                  Boolean coversWholeFile, Boolean ourCertificate, String problem) {
    }

    private District district(String codeOrName) {
        LoanUser user = CurrentUser.require();
        if (codeOrName == null || codeOrName.isBlank()) {
            return user.isCityScope() ? null : districts.findById(user.districtId());
        }
        District d = districts.findByCodeOrName(codeOrName.trim());
        if (d == null) {
            throw Refusal.notFound("district.unknown", codeOrName.trim());
        }
        if (!CurrentUser.canSeeDistrict(d.id())) {
            audit.refusal(CurrentUser.username(), "ACCESS_DENIED", "district", d.code(), AuditTrail.DENIED,
                    "另一区县的报表");
            throw Refusal.notFound("district.unknown", codeOrName.trim());
        }
        return d;
    }

    /** 零陵区财政局 for a district's report; the configured unit for a city-wide one. */
    private String issuingUnit(District district) {
        return district == null ? cityIssuingUnit : district.name() + "财政局";
    }
}
