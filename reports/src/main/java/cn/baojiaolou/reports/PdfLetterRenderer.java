package cn.baojiaolou.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders a {@link LetterDocument} to PDF with the precompiled {@code bjl-letter.jasper}: A4 portrait, Noto Sans SC
 * embedded, page x / y, byte-identical output for the same letter ({@link DeterministicPdf}). Thread-safe.
 */
public final class PdfLetterRenderer {

    private static final String TEMPLATE = "/reports/bjl-letter.jasper";
    /** Chinese letters indent each paragraph by two full-width spaces. */
    private static final String INDENT = "\u3000\u3000";

    private final JasperReport template;

    public PdfLetterRenderer() {
        try (InputStream in = PdfLetterRenderer.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing: the reports module was built without "
                        + "compiling its templates (exec-maven-plugin, process-classes)");
            }
            this.template = (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load " + TEMPLATE, e);
        }
    }

    public RenderedPdf render(LetterDocument letter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Title", letter.title());
        parameters.put("LetterNumber", letter.number());
        parameters.put("Recipients", String.join("\n", letter.recipients()));
        parameters.put("Sender", letter.sender());
        parameters.put("LetterDate", chineseDate(letter.date()));
        parameters.put("DraftMark", letter.draftMark());
        parameters.put("Footer", letter.number());
        List<Map<String, ?>> rows = new ArrayList<>();
        for (LetterDocument.Paragraph p : letter.paragraphs()) {
            Map<String, Object> row = new HashMap<>();
            row.put("kind", p.kind().name());
            row.put("text", p.kind() == LetterDocument.Kind.PARAGRAPH ? INDENT + p.text() : p.text());
            rows.add(row);
        }
        try {
            JasperPrint print = JasperFillManager.fillReport(template, parameters,
                    new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            JRPdfExporter exporter = new FastDeflatePdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(letter.title() + " " + letter.number());
            configuration.setMetadataAuthor(letter.sender());
            configuration.setMetadataSubject(letter.number());
            configuration.setMetadataCreator("保交楼专项借款资金监管系统");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            byte[] pdf = DeterministicPdf.fix(out.toByteArray(), letter.number(), letter.date());
            return new RenderedPdf(pdf, print.getPages().size());
        } catch (JRException e) {
            throw new IllegalStateException("letter " + letter.number() + " could not be rendered", e);
        }
    }

    /** 2023年6月15日, as Chinese letters date themselves. */
    public static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
