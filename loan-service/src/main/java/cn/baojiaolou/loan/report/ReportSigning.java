package cn.baojiaolou.loan.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.baojiaolou.reports.PdfReportRenderer;
import cn.baojiaolou.reports.PdfSigner;
import cn.baojiaolou.reports.SigningKey;

/**
 * The PDF renderer, signing with the issuing unit's key from {@code loan.reports.signing.*} (a PKCS#12 keystore:
 * path, password, alias). With {@code create-self-signed} (the demo profile, the tests) a missing keystore is created
 * with a self-signed certificate named after {@code loan.reports.issuing-unit}; otherwise a configured keystore that
 * is missing stops the start. No path configured: PDFs are not signed, and the start says so. Every page's footer
 * has a QR code of {@code loan.reports.verify-url} with the report number and the page.
 */
@Service
class ReportSigning {

    private static final Logger log = LoggerFactory.getLogger(ReportSigning.class);
    /** The self-signed certificate's start: before any business date the demo data has. */
    private static final LocalDate SELF_SIGNED_FROM = LocalDate.of(2020, 1, 1);

    private final PdfReportRenderer renderer;

    ReportSigning(@Value("${loan.reports.signing.path:}") String path,
                  @Value("${loan.reports.signing.password:}") String password,
                  @Value("${loan.reports.signing.alias:report-seal}") String alias,
                  @Value("${loan.reports.signing.create-self-signed:false}") boolean create,
                  @Value("${loan.reports.issuing-unit}") String unit,
                  @Value("${loan.reports.verify-url:}") String verifyUrl) {
        this.renderer = renderer(path, password, alias, create, unit, verifyUrl);
    }

    /** The renderer every report PDF goes through: signing when a key is configured. */
    PdfReportRenderer renderer() {
        return renderer;
    }

    private static PdfReportRenderer renderer(String path, String password, String alias, boolean create,
                                              String unit, String verifyUrl) {
        Path swap = Path.of(System.getProperty("java.io.tmpdir"));
        if (path.isBlank()) {
            log.warn("loan.reports.signing.path is not set: report PDFs are NOT signed");
            return new PdfReportRenderer(swap, null, verifyUrl);
        }
        Path keystore = Path.of(path);
        SigningKey key;
        if (Files.exists(keystore)) {
            key = SigningKey.load(keystore, password.toCharArray(), alias);
        } else if (create) {
            key = SigningKey.createSelfSigned(keystore, password.toCharArray(), alias, unit,
                    SELF_SIGNED_FROM);
            log.info("created a self-signed report signing keystore {} for {} (certificate {})", keystore, unit,
                    key.serialHex());
        } else {
            throw new IllegalStateException("the report signing keystore " + keystore.toAbsolutePath()
                    + " (loan.reports.signing.path) does not exist");
        }
        log.info("report PDFs are signed by {} (certificate {})", key.unit(), key.serialHex());
        return new PdfReportRenderer(swap, new PdfSigner(key), verifyUrl);
    }
}
