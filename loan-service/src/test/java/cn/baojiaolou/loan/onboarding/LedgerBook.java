package cn.baojiaolou.loan.onboarding;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 台账 workbook as a bureau keeps one: sheets with a header row and rows of cells (text, numbers, dates). */
public final class LedgerBook {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();

    public LedgerBook sheet(String name, String... header) {
        headers.put(name, List.of(header));
        rows.put(name, new ArrayList<>());
        return this;
    }

    /** A title row above the header (as bureaus write one). */
    public LedgerBook title(String sheet, String title) {
        titles.put(sheet, title);
        return this;
    }

    public LedgerBook row(String sheet, Object... cells) {
        rows.get(sheet).add(java.util.Arrays.asList(cells));
        return this;
    }

    /** Excel's row number of the n-th data row (1-based) of a sheet. */
    public int excelRow(String sheet, int n) {
        return n + 1 + (titles.containsKey(sheet) ? 1 : 0);
    }

    public byte[] bytes() {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                Sheet sheet = book.createSheet(e.getKey());
                int r = 0;
                if (titles.containsKey(e.getKey())) {
                    sheet.createRow(r++).createCell(0).setCellValue(titles.get(e.getKey()));
                }
                Row h = sheet.createRow(r++);
                for (int c = 0; c < e.getValue().size(); c++) {
                    h.createCell(c).setCellValue(e.getValue().get(c));
                }
                for (List<Object> values : rows.get(e.getKey())) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof Percent p) {
                            cell.setCellValue(p.fraction());
                            cell.setCellStyle(percent);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number in a percent-formatted cell (0.028 shows as 2.80%). */
    public record Percent(double fraction) {
    }
}
