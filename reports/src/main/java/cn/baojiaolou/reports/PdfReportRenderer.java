package cn.baojiaolou.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders a {@link ReportDocument} to PDF with the {@link TableTemplate} of its sections' layouts: A4, Noto Sans SC embedded,
 * page x of y, and byte-identical output for the same document (see {@link DeterministicPdf}). Filled pages are
 * swapped to a temporary file beyond a few in memory, so a 10,000-row 台账 fits a small heap. Thread-safe.
 */
public final class PdfReportRenderer {

    /** Pages kept in memory while filling; the rest go to the swap file. */
    private static final int PAGES_IN_MEMORY = 20;

    private final Path swapDirectory;
    private final PdfSigner signer;
    private final String verifyUrl;

    public PdfReportRenderer() {
        this(Path.of(System.getProperty("java.io.tmpdir")), null);
    }

    public PdfReportRenderer(Path swapDirectory) {
        this(swapDirectory, null);
    }

    /** With a signer, every PDF is signed (PAdES B-B) and its last page carries the seal block. */
    public PdfReportRenderer(Path swapDirectory, PdfSigner signer) {
        this(swapDirectory, signer, null);
    }

    /** With a verification address, every page's footer has a QR code of it, the report number and the page. */
    public PdfReportRenderer(Path swapDirectory, PdfSigner signer, String verifyUrl) {
        this.swapDirectory = swapDirectory;
        this.signer = signer;
        this.verifyUrl = verifyUrl == null || verifyUrl.isBlank() ? null : verifyUrl;
    }

    public PdfSigner signer() {
        return signer;
    }

    /** Renders and answers the PDF's bytes and page count. */
    public RenderedPdf render(ReportDocument document, java.util.Locale requested) {
        ReportMessages messages = new ReportMessages(requested);
        ReportHeader header = document.header();
        Map<String, Object> parameters = new HashMap<>();
        String title = messages.get(header.kind().titleKey());
        parameters.put("Title", title);
        parameters.put("IssuingUnit", header.issuingUnit());
        parameters.put("BusinessDate", header.businessDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        parameters.put("DataAsOf", header.dataAsOf());
        parameters.put("ReportNumber", header.reportNumber());
        parameters.put("SubjectLine", messages.resolve(header.subject()));
        parameters.put("SummaryText", header.summary().isEmpty() ? null
                : String.join("\n", header.summary().stream().map(messages::resolve).toList()));
        if (signer != null) {
            parameters.put("SealText", messages.get("label.seal", signer.key().unit(),
                    header.businessDate().format(DateTimeFormatter.ISO_LOCAL_DATE), signer.key().serialHex()));
        }
        parameters.put("VerifyUrl", verifyUrl);
        parameters.put(JRParameter.REPORT_LOCALE, messages.locale());
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, messages.bundle());

        JRSwapFileVirtualizer virtualizer;
        try {
            Files.createDirectories(swapDirectory);
            virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                    new JRSwapFile(swapDirectory.toString(), 4096, 1024), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        try {
            List<TableLayout> layouts = SectionRowsDataSource.layouts(document.sections());
            JasperPrint print = JasperFillManager.fillReport(TableTemplate.forLayouts(layouts), parameters,
                    new SectionRowsDataSource(document.sections(), layouts, messages));
            virtualizer.setReadOnly(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            export(print, title, header, out);
            byte[] pdf = DeterministicPdf.fix(out.toByteArray(), header.reportNumber() + "|" + messages.locale(),
                    header.businessDate());
            if (signer != null) {
                pdf = signer.sign(pdf, header.businessDate(), title + " " + header.reportNumber());
            }
            return new RenderedPdf(pdf, print.getPages().size());
        } catch (JRException e) {
            throw new IllegalStateException("report " + header.reportNumber() + " could not be rendered", e);
        } finally {
            virtualizer.cleanup();
        }
    }

    public RenderedPdf render(ReportDocument document, java.util.Locale locale, OutputStream out) throws IOException {
        RenderedPdf pdf = render(document, locale);
        out.write(pdf.bytes());
        return pdf;
    }

    private static void export(JasperPrint print, String title, ReportHeader header, OutputStream out)
            throws JRException {
        JRPdfExporter exporter = new FastDeflatePdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title + " " + header.reportNumber());
        configuration.setMetadataAuthor(header.issuingUnit());
        configuration.setMetadataSubject(header.reportNumber());
        configuration.setMetadataCreator("保交楼专项借款资金监管系统");
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }
}
