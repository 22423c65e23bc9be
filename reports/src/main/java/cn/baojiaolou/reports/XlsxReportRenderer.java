package cn.baojiaolou.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The same {@link ReportDocument} as an XLSX for accountants: Chinese headers, amounts as real numbers in the unit
 * the header names (万元 rounded half-up to the fen of 万元, exactly as the PDF shows), and the caller's totals
 * written as values, so the sheet's totals are the PDF's. Streams rows (SXSSF) to keep memory flat.
 */
public final class XlsxReportRenderer {

    public void render(ReportDocument document, Locale requested, OutputStream out) throws IOException {
        ReportMessages messages = new ReportMessages(requested);
        ReportHeader header = document.header();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            XlsxCells styles = new XlsxCells(workbook);
            Sheet sheet = workbook.createSheet(messages.get(header.kind().titleKey()));
            int r = 0;
            text(sheet.createRow(r++), 0, messages.get(header.kind().titleKey()), styles.title());
            text(sheet.createRow(r++), 0, messages.get("label.issuingUnit") + header.issuingUnit(), null);
            text(sheet.createRow(r++), 0, messages.get("label.businessDate")
                    + header.businessDate().format(DateTimeFormatter.ISO_LOCAL_DATE), null);
            text(sheet.createRow(r++), 0, messages.get("label.dataAsOf") + header.dataAsOf(), null);
            text(sheet.createRow(r++), 0, messages.get("label.reportNumber") + header.reportNumber(), null);
            if (header.subject() != null) {
                text(sheet.createRow(r++), 0, messages.resolve(header.subject()), null);
            }
            for (ReportSection section : document.sections()) {
                r++;
                text(sheet.createRow(r++), 0, messages.resolve(section.title()), styles.bold());
                Row head = sheet.createRow(r++);
                for (int c = 0; c < section.columns().size(); c++) {
                    text(head, c, messages.get(section.columns().get(c).headerKey()), styles.header());
                }
                for (List<Object> values : section.rows()) {
                    write(sheet.createRow(r++), section, values, styles, false);
                }
                if (section.totals() != null) {
                    write(sheet.createRow(r++), section, section.totals(), styles, true);
                }
            }
            r++;
            for (ReportText line : header.summary()) {
                text(sheet.createRow(r++), 0, messages.resolve(line), null);
            }
            text(sheet.createRow(r + 1), 0, messages.get("label.signatures"), null);
            for (int c = 0; c < ReportSection.MAX_COLUMNS; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            workbook.write(out); // close() (try-with-resources) deletes the temporary sheet files
        }
    }

    private static void write(Row row, ReportSection section, List<Object> values, XlsxCells styles, boolean total) {
        for (int c = 0; c < values.size(); c++) {
            styles.write(row, c, section.columns().get(c).type(), values.get(c), total);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
