package cn.baojiaolou.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * How a value of a {@link ColumnType} becomes an XLSX cell, for the reports and the page lists alike: amounts as real
 * numbers with thousands separators (Excel holds numbers as binary floating point; a fen amount below 10^13 元 is
 * represented exactly enough to read back to the same two decimals), dates as dates, 大写 as text. Styles are created
 * once per workbook because Excel caps their number.
 */
final class XlsxCells {

    private final CellStyle title;
    private final CellStyle bold;
    private final CellStyle header;
    private final CellStyle amount;
    private final CellStyle amountTotal;
    private final CellStyle percent;
    private final CellStyle rate;
    private final CellStyle integer;
    private final CellStyle date;
    private final CellStyle dateTime;

    XlsxCells(SXSSFWorkbook workbook) {
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

    CellStyle title() {
        return title;
    }

    CellStyle bold() {
        return bold;
    }

    CellStyle header() {
        return header;
    }

    /** Writes {@code value} (null leaves the cell out) into column {@code c} of {@code row} as {@code type} shows it. */
    void write(Row row, int c, ColumnType type, Object value, boolean total) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        switch (type) {
            case WAN_YUAN -> {
                cell.setCellValue(WanYuan.of((BigDecimal) value).doubleValue());
                cell.setCellStyle(total ? amountTotal : amount);
            }
            case YUAN -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(total ? amountTotal : amount);
            }
            case PERCENT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(percent);
            }
            case RATE -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(rate);
            }
            case INTEGER -> {
                if (value instanceof Number n) {
                    cell.setCellValue(n.longValue());
                    cell.setCellStyle(integer);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (value instanceof LocalDateTime t) {
                    cell.setCellValue(t);
                    cell.setCellStyle(dateTime);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
            case RMB_UPPERCASE -> cell.setCellValue(RmbUppercase.of((BigDecimal) value));
            case TEXT -> {
                cell.setCellValue(value.toString());
                if (total) {
                    cell.setCellStyle(bold);
                }
            }
        }
    }
}
