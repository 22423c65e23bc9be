package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.Col;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.Kind;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.SheetDef;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 台账 workbook (XLSX or XLS) by the {@link LedgerTemplate}: each known sheet's header row (among its first
 * five rows, under a title), its columns by name or variant, and each row's cells by kind. A cell that cannot be read
 * (an impossible date, text where an amount belongs, a code with spaces, markup in a name) is a problem of its row,
 * and that row is left out; so is a sheet missing a required column. Sheets the template does not know (a 说明 sheet)
 * are ignored. Nothing here touches the database: the business rules run later, through the services.
 */
final class LedgerWorkbook {

    /** What is wrong with a row: its sheet and row (as Excel numbers it), a message key and its arguments. */
    record Problem(String sheet, int row, String key, List<String> args) {
    }

    /** A row that was read: its cells by column key, typed (String, BigDecimal, LocalDate, Integer). */
    record Line(SheetDef sheet, int row, Map<String, Object> values) {

        String text(String key) {
            return (String) values.get(key);
        }

        BigDecimal amount(String key) {
            return (BigDecimal) values.get(key);
        }

        LocalDate date(String key) {
            return (LocalDate) values.get(key);
        }

        Integer integer(String key) {
            return (Integer) values.get(key);
        }

        boolean has(String key) {
            return values.get(key) != null;
        }
    }

    record Parsed(Map<SheetDef, List<Line>> lines, List<Problem> problems, Map<String, Integer> rows) {

        int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final int HEADER_SEARCH = 5;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final Pattern CODE = Pattern.compile(Code.PATTERN);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT)};
    private static final Pattern DATE_PREFIX = Pattern.compile("(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})[ T].*");

    private LedgerWorkbook() {
    }

    static Parsed read(byte[] content) {
        if (content == null || content.length < 4) {
            throw Refusal.ruleOnField("file", "onboarding.notWorkbook");
        }
        boolean xls = (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF;
        boolean xlsx = content[0] == 'P' && content[1] == 'K';
        if (!xls && !xlsx) {
            throw Refusal.ruleOnField("file", "onboarding.notWorkbook");
        }
        try (Workbook book = xls ? new HSSFWorkbook(new ByteArrayInputStream(content))
                : new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Map<SheetDef, List<Line>> lines = new LinkedHashMap<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                Sheet sheet = book.getSheetAt(s);
                SheetDef def = LedgerTemplate.SHEETS.stream().filter(d -> d.names(sheet.getSheetName())).findFirst()
                        .orElse(null);
                if (def == null || lines.containsKey(def)) {
                    continue;
                }
                List<Line> read = new ArrayList<>();
                rows.put(def.name(), sheet(sheet, def, read, problems));
                lines.put(def, read);
            }
            if (lines.isEmpty()) {
                throw Refusal.ruleOnField("file", "onboarding.noSheets", String.join("、",
                        LedgerTemplate.SHEETS.stream().map(SheetDef::name).toList()));
            }
            return new Parsed(lines, problems, rows);
        } catch (Refusal e) {
            throw e;
        } catch (Exception e) {
            // POI reports a damaged workbook with many exception types: all of them mean "not a readable workbook"
            throw Refusal.ruleOnField("file", "onboarding.notWorkbook");
        }
    }

    /** Reads one sheet into {@code out}; answers how many data rows it has (read or not). */
    private static int sheet(Sheet sheet, SheetDef def, List<Line> out, List<Problem> problems) {
        int headerRow = -1;
        Map<Integer, Col> columns = new LinkedHashMap<>();
        Map<Integer, String> headers = new LinkedHashMap<>();
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum()
                + HEADER_SEARCH - 1) && r >= 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<Integer, Col> found = new LinkedHashMap<>();
            Map<Integer, String> names = new LinkedHashMap<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                String text = raw(row.getCell(c));
                for (Col col : def.columns()) {
                    if (!text.isBlank() && col.names(text) && !found.containsValue(col)) {
                        found.put(c, col);
                        names.put(c, text);
                        break;
                    }
                }
            }
            if (found.size() >= 2) {
                headerRow = r;
                columns.putAll(found);
                headers.putAll(names);
                break;
            }
        }
        if (headerRow < 0) {
            problems.add(new Problem(def.name(), 1, "onboarding.noHeader", List.of(def.name())));
            return 0;
        }
        boolean complete = true;
        for (Col col : def.columns()) {
            if (col.required() && !columns.containsValue(col)) {
                problems.add(new Problem(def.name(), headerRow + 1, "onboarding.missingColumn",
                        List.of(def.name(), col.header())));
                complete = false;
            }
        }
        int count = 0;
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, columns.keySet())) {
                continue;
            }
            if (totals(row, columns.keySet())) {
                continue;
            }
            count++;
            if (!complete) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            List<Problem> rowProblems = new ArrayList<>();
            for (Map.Entry<Integer, Col> e : columns.entrySet()) {
                Col col = e.getValue();
                Object v = value(row.getCell(e.getKey()), col, headers.get(e.getKey()), def, r + 1, rowProblems);
                values.put(col.key(), v);
                if (v == null && col.required() && rowProblems.stream().noneMatch(p -> p.args().contains(
                        headers.get(e.getKey())))) {
                    rowProblems.add(new Problem(def.name(), r + 1, "onboarding.required",
                            List.of(headers.get(e.getKey()))));
                }
            }
            if (rowProblems.isEmpty()) {
                out.add(new Line(def, r + 1, values));
            } else {
                problems.addAll(rowProblems);
            }
        }
        return count;
    }

    private static Object value(Cell cell, Col col, String header, SheetDef def, int row, List<Problem> problems) {
        String text = raw(cell).strip();
        if (text.isEmpty()) {
            return null;
        }
        switch (col.kind()) {
            case TEXT -> {
                if (text.codePointCount(0, text.length()) > col.max()) {
                    problems.add(new Problem(def.name(), row, "onboarding.tooLong", List.of(header,
                            String.valueOf(col.max()))));
                    return null;
                }
                if (!new SafeText.Validator().isValid(text, null)) {
                    problems.add(new Problem(def.name(), row, "onboarding.unsafe", List.of(header)));
                    return null;
                }
                return text;
            }
            case CODE -> {
                if (!CODE.matcher(text).matches() || text.length() > col.max()) {
                    problems.add(new Problem(def.name(), row, "onboarding.badCode", List.of(header, echo(text))));
                    return null;
                }
                return text;
            }
            case AMOUNT -> {
                BigDecimal v = number(cell, text);
                if (v != null && LedgerTemplate.inWan(header)) {
                    v = v.multiply(BigDecimal.valueOf(10_000));
                }
                if (v == null || v.signum() < 0 || v.stripTrailingZeros().scale() > 2
                        || v.compareTo(Money.MAX_AMOUNT) > 0) {
                    problems.add(new Problem(def.name(), row, "onboarding.badAmount", List.of(header, echo(text))));
                    return null;
                }
                return v.setScale(2);
            }
            case DATE -> {
                LocalDate d = date(cell, text);
                if (d == null) {
                    problems.add(new Problem(def.name(), row, "onboarding.badDate", List.of(header, echo(text))));
                }
                return d;
            }
            case INTEGER -> {
                BigDecimal v = number(cell, text);
                if (v == null || v.stripTrailingZeros().scale() > 0 || v.signum() < 0
                        || v.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    problems.add(new Problem(def.name(), row, "onboarding.badInteger", List.of(header, echo(text))));
                    return null;
                }
                return v.intValueExact();
            }
            case PERCENT -> {
                BigDecimal v = percent(cell, text, false);
                if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0
                        || v.stripTrailingZeros().scale() > 2) {
                    problems.add(new Problem(def.name(), row, "onboarding.badPercent", List.of(header, echo(text))));
                    return null;
                }
                return v;
            }
            case RATE -> {
                BigDecimal v = percent(cell, text, true);
                if (v == null || v.signum() < 0 || v.stripTrailingZeros().scale() > 6) {
                    problems.add(new Problem(def.name(), row, "onboarding.badRate", List.of(header, echo(text))));
                    return null;
                }
                return v;
            }
            default -> throw new IllegalStateException(col.kind().name());
        }
    }

    /** A number cell as Excel shows it (15 digits), or a number typed as text with thousands separators. */
    private static BigDecimal number(Cell cell, String text) {
        if (cell != null && numeric(cell) && !DateUtil.isCellDateFormatted(cell)) {
            double d = cell.getCellType() == CellType.FORMULA ? cell.getNumericCellValue() : cell.getNumericCellValue();
            return new BigDecimal(d).round(EXCEL_DIGITS).stripTrailingZeros();
        }
        String t = text.replace("¥", "").replace("￥", "").replace("元", "").strip();
        return NUMBER.matcher(t).matches() ? new BigDecimal(t.replace(",", "")) : null;
    }

    /**
     * A percentage as a percentage (20 for 20 %) or, for a rate, as a fraction (0.028 for 2.8 %): a cell formatted
     * as a percentage holds the fraction; text may end in %; a plain rate of 1 or more is read as a percentage.
     */
    private static BigDecimal percent(Cell cell, String text, boolean fraction) {
        boolean formatted = cell != null && numeric(cell) && cell.getCellStyle() != null
                && cell.getCellStyle().getDataFormatString() != null
                && cell.getCellStyle().getDataFormatString().contains("%");
        BigDecimal v;
        if (formatted) {
            v = new BigDecimal(cell.getNumericCellValue()).round(EXCEL_DIGITS);
            return fraction ? v.stripTrailingZeros() : v.movePointRight(2).stripTrailingZeros();
        }
        String t = text.strip();
        boolean sign = t.endsWith("%") || t.endsWith("％");
        if (sign) {
            t = t.substring(0, t.length() - 1).strip();
        }
        v = cell != null && numeric(cell) && !sign ? new BigDecimal(cell.getNumericCellValue()).round(EXCEL_DIGITS)
                : NUMBER.matcher(t).matches() ? new BigDecimal(t.replace(",", "")) : null;
        if (v == null) {
            return null;
        }
        if (!fraction) {
            return v.stripTrailingZeros();
        }
        return (sign || v.compareTo(BigDecimal.ONE) >= 0 ? v.movePointLeft(2) : v).stripTrailingZeros();
    }

    private static LocalDate date(Cell cell, String text) {
        if (cell != null && numeric(cell) && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String t = text;
        Matcher m = DATE_PREFIX.matcher(t);
        if (m.matches()) {
            t = m.group(1);
        }
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        return null;
    }

    private static boolean numeric(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC || (cell.getCellType() == CellType.FORMULA
                && cell.getCachedFormulaResultType() == CellType.NUMERIC);
    }

    /** A cell as text: strings as written, numbers as Excel shows them, dates as YYYY-MM-DD. */
    static String raw(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(cell.getNumericCellValue()).round(EXCEL_DIGITS).stripTrailingZeros()
                    .toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static boolean blank(Row row, Iterable<Integer> columns) {
        for (int c : columns) {
            if (!raw(row.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A 合计 / 小计 / 说明 row under the data. */
    private static boolean totals(Row row, Iterable<Integer> columns) {
        for (int c : columns) {
            String t = raw(row.getCell(c)).strip();
            if (!t.isEmpty()) {
                return t.startsWith("合计") || t.startsWith("小计") || t.startsWith("总计") || t.startsWith("说明")
                        || t.startsWith("注：");
            }
        }
        return false;
    }

    static String echo(String value) {
        return value.codePointCount(0, value.length()) <= 40 ? value
                : value.substring(0, value.offsetByCodePoints(0, 40)) + "…";
    }
}
