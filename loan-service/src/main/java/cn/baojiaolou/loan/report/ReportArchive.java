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
        return archive.search(businessDate, type, districtId, limit);
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
