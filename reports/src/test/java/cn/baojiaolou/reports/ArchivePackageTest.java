package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A month's package verifies offline; a changed, missing or added file is named. */
class ArchivePackageTest {

    static final String HEAD = "a".repeat(64);
    static List<ArchivePackage.Item> items;
    static String serial;

    @BeforeAll
    static void month() {
        SigningKey key = SigningKey.createSelfSigned(Path.of("target/package-signing.p12"), "test".toCharArray(),
                "report-seal", "永州市零陵区财政局", LocalDate.of(2023, 1, 1));
        serial = key.serialHex();
        PdfReportRenderer renderer = new PdfReportRenderer(Path.of("target/swap"), new PdfSigner(key));
        byte[] a = renderer.render(PdfReportRendererTest.ledger(3), Locale.SIMPLIFIED_CHINESE).bytes();
        byte[] b = renderer.render(PdfReportRendererTest.ledger(30), Locale.SIMPLIFIED_CHINESE).bytes();
        items = List.of(new ArchivePackage.Item("a.pdf", "project-ledger", "BJL-PL-1", "p=1", "2023-12-31", a),
                new ArchivePackage.Item("b.pdf", "project-ledger", "BJL-PL-2", "p=2", "2023-12-31", b));
    }

    static byte[] pack(List<ArchivePackage.Item> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchivePackage.write(out, YearMonth.of(2023, 12), "永州市零陵区财政局", HEAD, 42, files);
        return out.toByteArray();
    }

    @Test
    void anIntactPackageVerifiesAndIsTheSameTwice() throws Exception {
        byte[] zip = pack(items);
        ArchivePackage.Verification v = ArchivePackage.verify(new ByteArrayInputStream(zip));

        assertThat(v.problems()).isEmpty();
        assertThat(v.files()).isEqualTo(2);
        assertThat(v.chainHeadHash()).isEqualTo(HEAD);
        assertThat(v.certificateSerials()).containsExactly(serial);
        assertThat(pack(items)).isEqualTo(zip);
        // a sample for the offline command (README, "Monthly archive package")
        java.nio.file.Files.write(Path.of("target/report-archive-sample.zip"), zip);
    }

    @Test
    void aTamperedPackageNamesWhatChanged() throws Exception {
        byte[] zip = pack(items);
        // rebuild the zip with one byte of b.pdf changed, a.pdf dropped and a stray file added
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("reports/a.pdf")) {
                    continue;
                }
                if (e.getName().equals("reports/b.pdf")) {
                    bytes[bytes.length / 3] ^= 1;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
            }
            z.putNextEntry(new ZipEntry("reports/extra.pdf"));
            z.write(new byte[] {1});
        }
        ArchivePackage.Verification v = ArchivePackage.verify(new ByteArrayInputStream(out.toByteArray()));

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).contains("reports/a.pdf: missing",
                "reports/b.pdf: changed (SHA-256 differs from the index)", "reports/extra.pdf: not in the index");
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("reports/b.pdf: signature INVALID"));
    }
}
