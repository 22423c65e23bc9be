package cn.baojiaolou.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One of the pages' lists as an XLSX, written row by row: a title line, a line saying what was filtered and when, the
 * column heads (frozen, with Excel's filter), then the rows. Only the last {@link #WINDOW} rows are held in memory;
 * the rest go to a compressed temporary file, so an export of 100,000 rows runs in a small heap. Cells follow the
 * reports' rules ({@link XlsxCells}): amounts in 元 as numbers with two decimals, dates as dates.
 */
public final class XlsxListWriter implements AutoCloseable {

    /** Rows kept in memory before they are flushed to the temporary file. */
    public static final int WINDOW = 100;
    /** Excel's last row (1,048,576) less the title, the caption, the heads and a closing note. */
    public static final int MAX_ROWS = 1_048_576 - 4;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final XlsxCells cells;
    private final List<ColumnType> types;
    private final int firstDataRow;
    private int next;

    /**
     * @param title   the sheet's name and first line (the list's name)
     * @param caption the second line: the filter and the time of the export, as the user should read them
     * @param headers the column heads, already in the user's language
     * @param types   how each column's values are written
     */
    public XlsxListWriter(String title, String caption, List<String> headers, List<ColumnType> types) {
        if (headers.size() != types.size()) {
            throw new IllegalArgumentException("a header per column: " + headers.size() + " ≠ " + types.size());
        }
        this.types = List.copyOf(types);
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        cells = new XlsxCells(workbook);
        // a sheet name is at most 31 characters and may not hold []:*?/\
        sheet = workbook.createSheet(title.replaceAll("[\\[\\]:*?/\\\\]", " ")
                .substring(0, Math.min(31, title.length())));
        Row first = sheet.createRow(0);
        first.createCell(0).setCellValue(title);
        first.getCell(0).setCellStyle(cells.title());
        sheet.createRow(1).createCell(0).setCellValue(caption);
        Row head = sheet.createRow(2);
        for (int c = 0; c < headers.size(); c++) {
            head.createCell(c).setCellValue(headers.get(c));
            head.getCell(c).setCellStyle(cells.header());
            ColumnType type = types.get(c);
            int chars = Math.max(headers.get(c).length() * 2 + 2, switch (type) {
                case TEXT -> 18;
                case RMB_UPPERCASE -> 30;
                case DATE -> 17;
                default -> 16;
            });
            sheet.setColumnWidth(c, Math.min(60, chars) * 256);
        }
        sheet.createFreezePane(0, 3);
        firstDataRow = 3;
        next = firstDataRow;
    }

    /** Appends one row; {@code values} are in column order, null for an empty cell. */
    public void row(List<?> values) {
        if (values.size() != types.size()) {
            throw new IllegalArgumentException("a value per column: " + values.size() + " ≠ " + types.size());
        }
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.size(); c++) {
            cells.write(row, c, types.get(c), values.get(c), false);
        }
    }

    /** True once {@link #MAX_ROWS} rows are written: Excel opens no more. */
    public boolean full() {
        return rows() >= MAX_ROWS;
    }

    /** A closing line below the rows (e.g. that the list was cut at Excel's limit). */
    public void note(String text) {
        sheet.createRow(next).createCell(0).setCellValue(text);
    }

    /** Rows written so far, heads not counted. */
    public int rows() {
        return next - firstDataRow;
    }

    /** Rows of the sheet still in memory (at most {@link #WINDOW}); the rest are already on disk. */
    public int rowsInMemory() {
        return next - 1 - sheet.getLastFlushedRowNum();
    }

    /** Writes the workbook to {@code out}; call once, after the last row. */
    public void writeTo(OutputStream out) throws IOException {
        if (types.size() > 0) {
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, next - 1), 0, types.size() - 1));
        }
        workbook.write(out);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
