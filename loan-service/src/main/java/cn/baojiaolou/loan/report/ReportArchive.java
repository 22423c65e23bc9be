package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.io.OutputStream;
import java.time.YearMonth;
import cn.baojiaolou.reports.ArchivePackage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.reports.RenderedPdf;

/**
 * The archive of printed reports: the PDF under {@code loan.reports.archive-dir}/yyyy/MM/, its SHA-256 and what it
 * is in {@code report_archive}. The same bytes are archived once; the file is written before its row, so a row
 * always has its file.
 */
@Service
@PreAuthorize(Authorities.REPORT_READERS)
public class ReportArchive {

    public static final String NIGHTLY = "NIGHTLY";
    public static final String DOWNLOAD = "DOWNLOAD";

    private final ReportArchiveMapper archive;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final Path directory;

    public ReportArchive(ReportArchiveMapper archive, AuditTrail audit, BusinessClock clock,
                         @Value("${loan.reports.archive-dir}") Path directory) {
        this.archive = archive;
        this.audit = audit;
        this.clock = clock;
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** Archives the PDF unless these exact bytes are archived already; answers the archive row either way. */
    @Transactional
    public ArchivedReport store(ReportContext c, RenderedPdf pdf, String source) {
        String sha256 = pdf.sha256();
        ArchivedReport existing = archive.findBySha256(sha256);
        if (existing != null) {
            return existing;
        }
        String relative = c.businessDate().getYear() + "/" + String.format("%02d", c.businessDate().getMonthValue())
                + "/" + c.reportNumber() + "-" + sha256.substring(0, 12) + ".pdf";
        write(directory.resolve(relative), pdf.bytes());
        ArchivedReport row = new ArchivedReport(null, c.kind().slug(), c.reportNumber(), c.canonical(),
                c.locale().getLanguage(), c.districtId(), c.businessDate(), sha256, pdf.bytes().length, pdf.pages(),
                relative, source, clock.nowUtc(), CurrentUser.username());
        try {
            if (archive.insertIfAbsent(row) == 1) {
                audit.write("REPORT_ARCHIVED", "report", c.reportNumber(), null,
                        Map.of("sha256", sha256, "file", relative, "source", source, "pages", pdf.pages()));
            }
        } catch (DuplicateKeyException raced) {
            // another print of the same bytes won the race: its row is the archive entry
        }
        return archive.findBySha256(sha256);
    }

    /**
     * The month's 电子会计档案 package (issue 13): every PDF archived for a business date of the month, with the
     * index and the audit chain's head at the month's end (Beijing); see {@link ArchivePackage}. Audited (so not
     * a read-only transaction).
     */
    @Transactional
    public void monthlyPackage(YearMonth month, String issuingUnit, OutputStream out) throws IOException {
        List<ArchivePackage.Item> items = new ArrayList<>();
        for (ArchivedReport r : archive.between(month.atDay(1), month.atEndOfMonth())) {
            String name = r.filePath().substring(r.filePath().lastIndexOf('/') + 1);
            items.add(new ArchivePackage.Item(name, r.reportType(), r.reportNumber(), r.parameters(),
                    r.businessDate().toString(), Files.readAllBytes(directory.resolve(r.filePath()))));
        }
        Map<String, Object> head = archive.chainHeadBefore(BusinessClock.endOfDayUtc(month.atEndOfMonth()));
        String hash = head == null ? "0".repeat(64) : (String) head.get("hash");
        long id = head == null ? 0 : ((Number) head.get("id")).longValue();
        ArchivePackage.write(out, month, issuingUnit, hash, id, items);
        audit.write("REPORT_PACKAGED", "report-archive", month.toString(), null,
                Map.of("files", items.size(), "chainHead", hash));
    }

    /** A download: archived like a nightly print (so the copy can be verified later) and audited. */
    @Transactional
    public ArchivedReport recordPdfDownload(ReportContext c, RenderedPdf pdf) {
        ArchivedReport archived = store(c, pdf, DOWNLOAD);
        audit.write("REPORT_DOWNLOADED", "report", c.reportNumber(), null,
                Map.of("report", c.canonical(), "format", "pdf", "sha256", archived.sha256()));
        return archived;
    }

    @Transactional
    public void recordXlsxDownload(ReportContext c, String sha256) {
        audit.write("REPORT_DOWNLOADED", "report", c.reportNumber(), null,
                Map.of("report", c.canonical(), "format", "xlsx", "sha256", sha256));
    }

    @Transactional
    public void recordVerification(String sha256, ArchivedReport found) {
        audit.write("REPORT_VERIFIED", "report", found == null ? sha256 : found.reportNumber(), null,
                Map.of("sha256", sha256, "archived", found != null));
    }

    public ArchivedReport find(String sha256) {
        return archive.findBySha256(sha256);
    }

    public List<ArchivedReport> search(java.time.LocalDate businessDate, String type, Long districtId, int limit) {
        return search(businessDate, type, districtId, null, null, limit);
    }

    /** One page of the archive, after the row {@code afterId}; {@code text}: a report number or a parameter value. */
    public List<ArchivedReport> search(java.time.LocalDate businessDate, String type, Long districtId, String text,
                                       Long afterId, int limit) {
        return archive.search(businessDate, type, districtId, text == null || text.isBlank() ? null : text.trim(),
                afterId, limit);
    }

    public byte[] read(ArchivedReport report) {
        try {
            return Files.readAllBytes(directory.resolve(report.filePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary file is created owner-only; an archived report is for every reader of the archive. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".report-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            readableByAll(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report archive file " + file, e);
        }
    }
}
