package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed PDFs checked by an independent reader, poppler's {@code pdfsig} (poppler-utils, installed by .ci/run), and by
 * {@link SignatureCheck}: valid and unchanged as signed, invalid after one changed byte; the same bytes twice.
 */
class PdfSignerTest {

    static final String UNIT = "永州市零陵区财政局";
    static final String VERIFY_URL = "https://bjl.example.gov.cn/reports/verify";
    static PdfReportRenderer renderer;

    @BeforeAll
    static void key() {
        SigningKey key = SigningKey.createSelfSigned(Path.of("target/test-signing.p12"), "test".toCharArray(),
                "report-seal", UNIT, LocalDate.of(2023, 1, 1));
        renderer = new PdfReportRenderer(Path.of("target/swap"), new PdfSigner(key), VERIFY_URL);
    }

    static String pdfsig(byte[] pdf, String name) throws Exception {
        Path file = Path.of("target", name + ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void pdfsigFindsTheSignatureValidAndTheWholeFileSigned() throws Exception {
        RenderedPdf pdf = renderer.render(PdfReportRendererTest.ledger(30), Locale.SIMPLIFIED_CHINESE);
        String out = pdfsig(pdf.bytes(), "signed-ledger");

        assertThat(out).contains("Signature #1", "Signature Validation: Signature is Valid.",
                "Signer Certificate Common Name: " + UNIT, "Signature Type: ETSI.CAdES.detached",
                "Signing Hash Algorithm: SHA-256", "Signed Ranges:", "Total document signed");
        // the claimed signing time is the end of the business date, Beijing time (pdfsig prints it in its zone)
        assertThat(SignatureCheck.check(pdf.bytes())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(SignatureCheck.Status.VALID);
            assertThat(r.signer()).isEqualTo(UNIT);
            assertThat(r.coversWholeFile()).isTrue();
            assertThat(r.signedAt().toString()).isEqualTo("2023-12-31T23:59:59+08:00[Asia/Shanghai]");
            assertThat(r.certificateSerial()).isEqualTo(renderer.signer().key().serialHex());
        });
        // the visible seal block on the last page: unit, date, certificate serial
        List<String> pages = PdfChecks.pageTexts(pdf.bytes());
        assertThat(PdfChecks.compact(pages.get(pages.size() - 1))).contains("电子签章", "签章单位：" + UNIT,
                "签章日期：2023-12-31", "证书序列号：" + renderer.signer().key().serialHex());
        PdfChecks.png(pdf.bytes(), Path.of("target/report-png"), "signed-ledger", 80);
    }

    @Test
    void oneChangedByteMakesItInvalid() throws Exception {
        byte[] pdf = renderer.render(PdfReportRendererTest.ledger(3), Locale.SIMPLIFIED_CHINESE).bytes();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/CreationDate(D:2023") + "/CreationDate(D:".length() + 3;
        if (at < "/CreationDate(D:".length() + 3) {
            at = text.indexOf("(D:2023") + 6;
        }
        byte[] tampered = pdf.clone();
        tampered[at] = (byte) (tampered[at] == '3' ? '4' : '3');

        assertThat(pdfsig(tampered, "tampered-ledger")).contains("Signature #1")
                .doesNotContain("Signature is Valid.").containsPattern("Signature is Invalid|Digest Mismatch");
        assertThat(SignatureCheck.check(tampered).status()).isEqualTo(SignatureCheck.Status.INVALID);
        // and bytes appended after the signature are noticed too
        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 1);
        appended[pdf.length] = '\n';
        assertThat(SignatureCheck.check(appended).coversWholeFile()).isFalse();
    }

    @Test
    void signedBytesAreTheSameForTheSameDataAndDate() throws Exception {
        RenderedPdf first = renderer.render(PdfReportRendererTest.ledger(40), Locale.SIMPLIFIED_CHINESE);
        Thread.sleep(1100);
        RenderedPdf second = renderer.render(PdfReportRendererTest.ledger(40), Locale.SIMPLIFIED_CHINESE);

        Files.write(Path.of("target/signed-a.pdf"), first.bytes());
        Files.write(Path.of("target/signed-b.pdf"), second.bytes());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(SignatureCheck.check(second.bytes()).valid()).isTrue();
    }

    @Test
    void everyPageHasAQrCodeWithTheReportNumberThePageAndTheVerificationAddress() throws Exception {
        ReportDocument doc = PdfReportRendererTest.ledger(30);
        RenderedPdf pdf = renderer.render(doc, Locale.SIMPLIFIED_CHINESE);
        // 200 dpi, a scan of the printed page; the code is drawn as vectors, so it sharpens with the resolution
        List<Path> pngs = PdfChecks.png(pdf.bytes(), Path.of("target/qr"), "qr-ledger", 200);
        assertThat(pngs).hasSize(2);
        for (int page = 1; page <= pngs.size(); page++) {
            // stdout only: zbarimg talks about D-Bus on stderr
            Process p = new ProcessBuilder("zbarimg", "--quiet", "--raw", pngs.get(page - 1).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String decoded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            assertThat(decoded).isEqualTo(VERIFY_URL + "?report=" + doc.header().reportNumber() + "&page=" + page);
        }
    }

    @Test
    void anUnsignedPdfSaysSo() throws Exception {
        byte[] pdf = new PdfReportRenderer().render(PdfReportRendererTest.ledger(3), Locale.SIMPLIFIED_CHINESE).bytes();
        assertThat(SignatureCheck.check(pdf).status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
    }
}
