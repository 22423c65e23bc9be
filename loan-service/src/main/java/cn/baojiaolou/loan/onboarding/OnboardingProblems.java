package cn.baojiaolou.loan.onboarding;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The answer of a check as people read it: every row that breaks a rule with its sheet, row and reason worded in the
 * caller's language (Chinese by default), for the API, the page and the XLSX download.
 */
public final class OnboardingProblems {

    /** A problem worded. */
    public record Worded(String sheet, int row, String reason) {
    }

    private OnboardingProblems() {
    }

    public static List<Worded> worded(OnboardingService.Result r, BiFunction<String, Object[], String> messages) {
        return r.problems().stream().map(p -> new Worded(p.sheet(), p.row(),
                messages.apply(p.key(), p.args().toArray()))).toList();
    }

    /** 工作表, 行号, 原因: one row per problem, under a title naming the file and the verdict. */
    public static byte[] xlsx(OnboardingService.Result r, BiFunction<String, Object[], String> messages) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.apply("onboarding.problems.sheet", new Object[0]));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 8 * 256);
            sheet.setColumnWidth(2, 100 * 256);
            Row title = sheet.createRow(0);
            Cell t = title.createCell(0);
            t.setCellValue(messages.apply("onboarding.problems.title", new Object[]{r.fileName(), r.rowsTotal(),
                    r.problemsCount()}));
            t.setCellStyle(header);
            Row h = sheet.createRow(1);
            String[] names = {messages.apply("onboarding.col.sheet", new Object[0]),
                    messages.apply("onboarding.col.row", new Object[0]),
                    messages.apply("onboarding.col.reason", new Object[0])};
            for (int i = 0; i < names.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(names[i]);
                c.setCellStyle(header);
            }
            int n = 2;
            for (Worded w : worded(r, messages)) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(w.sheet());
                row.createCell(1).setCellValue(w.row());
                row.createCell(2).setCellValue(w.reason());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
