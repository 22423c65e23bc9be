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
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(messages.get(header.kind().titleKey()));
            int r = 0;
            text(sheet.createRow(r++), 0, messages.get(header.kind().titleKey()), styles.title);
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
                text(sheet.createRow(r++), 0, messages.resolve(section.title()), styles.bold);
                Row head = sheet.createRow(r++);
                for (int c = 0; c < section.columns().size(); c++) {
                    text(head, c, messages.get(section.columns().get(c).headerKey()), styles.header);
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

    private static void write(Row row, ReportSection section, List<Object> values, Styles styles, boolean total) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            ColumnType type = section.columns().get(c).type();
            switch (type) {
                case WAN_YUAN -> {
                    cell.setCellValue(WanYuan.of((BigDecimal) value).doubleValue());
                    cell.setCellStyle(total ? styles.amountTotal : styles.amount);
                }
                case YUAN -> {
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(total ? styles.amountTotal : styles.amount);
                }
                case PERCENT -> {
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(styles.percent);
                }
                case RATE -> {
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(styles.rate);
                }
                case INTEGER -> {
                    if (value instanceof Number n) {
                        cell.setCellValue(n.longValue());
                        cell.setCellStyle(styles.integer);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
                case DATE -> {
                    if (value instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(styles.date);
                    } else if (value instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(styles.dateTime);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
                case RMB_UPPERCASE -> cell.setCellValue(RmbUppercase.of((BigDecimal) value));
                case TEXT -> {
                    cell.setCellValue(value.toString());
                    if (total) {
                        cell.setCellStyle(styles.bold);
                    }
                }
            }
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Cell styles, created once per workbook (Excel caps their number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle amount;
        final CellStyle amountTotal;
        final CellStyle percent;
        final CellStyle rate;
        final CellStyle integer;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            var format = workbook.createDataFormat();
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            amount = workbook.createCellStyle();
            amount.setDataFormat(format.getFormat("#,##0.00"));
            amountTotal = workbook.createCellStyle();
            amountTotal.cloneStyleFrom(amount);
            amountTotal.setFont(boldFont);
            percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.00%"));
            rate = workbook.createCellStyle();
            // as the PDF: two decimals of a percent, more only when the rate has them (3.125%)
            rate.setDataFormat(format.getFormat("0.00##%"));
            integer = workbook.createCellStyle();
            integer.setDataFormat(format.getFormat("#,##0"));
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        }
    }
}
