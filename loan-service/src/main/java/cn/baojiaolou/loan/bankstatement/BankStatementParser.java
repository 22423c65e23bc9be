package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.LineError;
import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.Reason;
import cn.baojiaolou.loan.domain.Money;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a whole 专户 statement file (CSV or XLSX) without touching the database. A file-level fault
 * (empty, no header, wrong header, unreadable) is an Refusal on field "file"; bad lines are collected, every
 * one of them, and thrown together as {@link BankStatementInvalidException}, so nothing of a bad file is stored.
 */
public final class BankStatementParser {

    /** A file that passed: how it was read and its lines in file order. */
    public record ParsedStatement(String encoding, List<StatementLine> lines) {
    }

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int COLUMNS = Column.values().length;
    private static final int ECHO_MAX = 40;
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT)};
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{4}/\\d{2}/\\d{2}|\\d{8}");
    /** Digits with optional thousands separators (1,234,567.89) and an optional fraction of any length. */
    private static final Pattern NUMBER = Pattern.compile("([+-]?)((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(?:\\.(\\d+))?");

    private BankStatementParser() {
    }

    /** Dates after {@code today} (Asia/Shanghai) are refused: a bank cannot have booked them yet. */
    public static ParsedStatement parse(byte[] content, LocalDate today) {
        StatementReader.Rows rows = StatementReader.read(content);
        List<StatementReader.Line> lines = rows.lines();
        if (lines.isEmpty()) {
            throw StatementReader.file("bankStatement.empty");
        }
        checkHeader(lines.get(0));
        if (lines.size() == 1) {
            throw StatementReader.file("bankStatement.noLines");
        }
        List<StatementLine> parsed = new ArrayList<>(lines.size() - 1);
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> serials = new HashMap<>();
        for (StatementReader.Line line : lines.subList(1, lines.size())) {
            List<Reason> reasons = new ArrayList<>();
            StatementLine ok = line(line, today, reasons);
            if (ok != null) {
                Integer first = serials.putIfAbsent(serialKey(ok.bankSerialNo()), line.line());
                if (first != null) {
                    reasons.add(new Reason("bankStatement.duplicateSerial", echo(ok.bankSerialNo()), first));
                }
            }
            if (reasons.isEmpty()) {
                parsed.add(ok);
            } else {
                errors.add(new LineError(line.line(), reasons));
            }
        }
        if (!errors.isEmpty()) {
            throw new BankStatementInvalidException(errors);
        }
        return new ParsedStatement(rows.encoding(), parsed);
    }

    /**
     * The key under which two serial numbers are the same one: the database compares them with utf8mb4_unicode_ci
     * (case- and width-insensitive), so "ab12" and "AB１２" would collide on its unique key.
     */
    public static String serialKey(String serial) {
        return Normalizer.normalize(serial, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ header

    private static void checkHeader(StatementReader.Line header) {
        List<String> cells = withoutTrailingBlanks(header.cells(), 0);
        boolean namesAny = cells.stream().anyMatch(c -> Column.named(c) != null);
        if (!namesAny) {
            throw StatementReader.file("bankStatement.noHeader");
        }
        if (cells.size() != COLUMNS) {
            throw StatementReader.file("bankStatement.headerColumns", COLUMNS, cells.size());
        }
        for (Column column : Column.values()) {
            String cell = cells.get(column.ordinal());
            if (!column.accepts(cell)) {
                throw StatementReader.file("bankStatement.headerColumn", column.ordinal() + 1,
                        column.chineseHeader() + " / " + column.englishHeader(), echo(cell));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ lines

    private static StatementLine line(StatementReader.Line line, LocalDate today, List<Reason> reasons) {
        if (line.unclosedQuote()) {
            reasons.add(new Reason("bankStatement.unclosedQuote"));
            return null;
        }
        List<String> cells = withoutTrailingBlanks(line.cells(), COLUMNS);
        if (cells.size() != COLUMNS) {
            reasons.add(new Reason("bankStatement.columns", COLUMNS, cells.size()));
            return null;
        }
        LocalDate txnDate = date(cells, Column.TXN_DATE, today, reasons);
        LocalDate valueDate = date(cells, Column.VALUE_DATE, today, reasons);
        Direction direction = direction(cells, reasons);
        BigDecimal amount = amount(cells, Column.AMOUNT, true, reasons);
        String counterpartyName = text(cells, Column.COUNTERPARTY_NAME, 128, false, reasons);
        String counterpartyAccount = text(cells, Column.COUNTERPARTY_ACCOUNT, 40, false, reasons);
        String serial = text(cells, Column.BANK_SERIAL_NO, 64, true, reasons);
        String voucher = text(cells, Column.VOUCHER_NO, 64, false, reasons);
        BigDecimal balance = amount(cells, Column.BALANCE_AFTER, false, reasons);
        String memo = text(cells, Column.MEMO, 255, false, reasons);
        if (!reasons.isEmpty()) {
            // the serial still counts for the duplicate check of later lines
            return serial == null ? null : new StatementLine(line.line(), null, null, null, null, null, null,
                    serial, null, null, null);
        }
        return new StatementLine(line.line(), txnDate, valueDate, direction, amount, counterpartyName,
                counterpartyAccount, serial, voucher, balance, memo);
    }

    private static LocalDate date(List<String> cells, Column column, LocalDate today, List<Reason> reasons) {
        String s = cells.get(column.ordinal());
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", column));
            return null;
        }
        LocalDate date = null;
        if (DATE_SHAPE.matcher(s).matches()) {
            for (DateTimeFormatter f : DATES) {
                try {
                    date = LocalDate.parse(s, f);
                    break;
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
        }
        if (date == null) {
            reasons.add(new Reason("bankStatement.badDate", column, echo(s)));
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            reasons.add(new Reason("bankStatement.dateRange", column, date.toString(), today.toString()));
            return null;
        }
        return date;
    }

    private static Direction direction(List<String> cells, List<Reason> reasons) {
        String s = cells.get(Column.DIRECTION.ordinal());
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", Column.DIRECTION));
            return null;
        }
        Direction d = Direction.parse(s);
        if (d == null) {
            reasons.add(new Reason("bankStatement.badDirection", echo(s)));
        }
        return d;
    }

    /** An amount (> 0) or a balance (≥ 0): at most two decimals, thousands separators allowed. */
    private static BigDecimal amount(List<String> cells, Column column, boolean positive, List<Reason> reasons) {
        String s = cells.get(column.ordinal());
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", column));
            return null;
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            reasons.add(new Reason("bankStatement.badNumber", column, echo(s)));
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1) + m.group(2).replace(",", "")
                + (m.group(3) == null ? "" : "." + m.group(3)));
        if (positive && value.signum() <= 0) {
            reasons.add(new Reason("bankStatement.notPositive", column));
            return null;
        }
        if (value.signum() < 0) {
            reasons.add(new Reason("bankStatement.negative", column));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            reasons.add(new Reason("bankStatement.decimals", column, echo(s)));
            return null;
        }
        if (value.compareTo(Money.MAX_AMOUNT) > 0) {
            reasons.add(new Reason("bankStatement.tooLarge", column));
            return null;
        }
        return value.setScale(2);
    }

    private static String text(List<String> cells, Column column, int max, boolean required, List<Reason> reasons) {
        String s = cells.get(column.ordinal());
        if (s.isEmpty()) {
            if (required) {
                reasons.add(new Reason("bankStatement.required", column));
            }
            return null;
        }
        int before = reasons.size();
        if (s.codePointCount(0, s.length()) > max) {
            reasons.add(new Reason("bankStatement.tooLong", column, max));
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            reasons.add(new Reason("bankStatement.controlChar", column));
        }
        return reasons.size() == before || column == Column.BANK_SERIAL_NO ? s : null;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Drops blank cells at the end of a record from index {@code keep} on (Excel pads rows, exports add commas). */
    private static List<String> withoutTrailingBlanks(List<String> cells, int keep) {
        int end = cells.size();
        while (end > keep && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return cells.subList(0, end);
    }

    /** A value quoted back in a message: shortened, control characters shown as spaces. */
    static String echo(String value) {
        String s = value.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.codePointCount(0, s.length()) <= ECHO_MAX ? s
                : s.substring(0, s.offsetByCodePoints(0, ECHO_MAX)) + "…";
    }
}
