package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.LineError;
import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.Reason;
import cn.baojiaolou.loan.domain.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a whole 专户 statement file (CSV, TXT, XLSX or XLS) without touching the database. The header
 * is looked for among the first {@value #HEADER_SEARCH_ROWS} rows, under the title, account, period and currency
 * lines banks print above it; the header's layout is a mapping the accountant saved for the 专户, a built-in bank
 * layout ({@link BankLayouts}), or the system's own ten columns ({@link Column}, checked strictly). The account
 * numbers and names the file carries (title lines, 本方账号 columns) are collected for the importer's check against
 * the 专户; totals rows (合计, 本页合计, 总计, ...) and footers are skipped.
 *
 * <p>A file-level fault (empty, no header, unknown layout, wrong header, unreadable) is a Refusal on field "file";
 * bad lines are collected, every one of them, and thrown together as {@link BankStatementInvalidException}, so
 * nothing of a bad file is stored.
 */
public final class BankStatementParser {

    /** A file that passed: how it was read, its lines in file order, and what it says about its account. */
    public record ParsedStatement(String encoding, List<StatementLine> lines, StatementLayout layout, int headerLine,
                                  List<Evidence> accountNumbers, List<Evidence> accountNames, int skippedRows) {
    }

    /** An account number or name the file carries, and the line it is on. */
    public record Evidence(String value, int line) {
    }

    /** A header mapping saved for the 专户: the header's signature and the field of each cell. */
    public record Mapping(long id, String signature, List<StatementField> fields) {
    }

    /** What the mapping page shows of a file: its first rows, the header row found or guessed, a first mapping. */
    public record Preview(String encoding, List<List<String>> rows, List<Integer> rowNumbers, int headerIndex,
                          List<String> header, StatementLayout layout, List<StatementField> guess) {
    }

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int HEADER_SEARCH_ROWS = 30;
    static final int PREVIEW_ROWS = 15;
    private static final int COLUMNS = Column.values().length;
    private static final int ECHO_MAX = 40;
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT)};
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{8}|\\d{4}\\.\\d{2}\\.\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日");
    /** A date then a time: 2023-06-15 10:23:45, 2023-06-15T10:23, 20230615 102345, 20230615102345. */
    private static final Pattern DATE_TIME = Pattern.compile("(\\S+?)(?:[ T]+|(?<=^\\d{8}))(\\d{1,2}:?\\d{2}(?::?\\d{2})?(?:\\.\\d+)?)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})(?::?(\\d{2}))?(?:\\.\\d+)?");
    /** Digits with optional thousands separators (1,234,567.89) and an optional fraction of any length. */
    private static final Pattern NUMBER = Pattern.compile("([+-]?)((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(?:\\.(\\d+))?");
    /** What an empty debit or credit cell may hold instead of nothing. */
    private static final Set<String> NO_AMOUNT = Set.of("-", "--", "—", "——", "－");
    /** 人民币 as banks write it in a 币种 cell. */
    private static final Set<String> RENMINBI = Set.of("人民币", "cny", "rmb", "156", "01", "001", "本币", "人民币元");
    /** The first cell of a totals row or a footer line (compared normalised, as a prefix). */
    private static final List<String> TOTALS = List.of("合计", "本页合计", "总计", "小计", "本页小计", "累计", "本日合计",
            "本月合计", "借方合计", "贷方合计", "发生额合计", "共计", "以下空白", "打印日期", "打印时间", "打印人", "制表",
            "经办", "借方笔数", "贷方笔数", "总笔数");
    private static final List<String> ACCOUNT_KEYS = List.of("本方账号", "账户号码", "查询账号", "账户账号", "单位账号",
            "客户账号", "账号", "帐号", "卡号");
    private static final List<String> NAME_KEYS = List.of("账户名称", "帐户名称", "本方户名", "账户户名", "单位名称",
            "客户名称", "账户名", "户名");
    private static final Pattern ACCOUNT_VALUE = Pattern.compile("[0-9*＊][0-9*＊ \\-]{4,}[0-9*＊]");

    private BankStatementParser() {
    }

    /** Dates after {@code today} (Asia/Shanghai) are refused: a bank cannot have booked them yet. */
    public static ParsedStatement parse(byte[] content, LocalDate today) {
        return parse(content, today, List.of());
    }

    /** As {@link #parse(byte[], LocalDate)}, reading a header with one of the 专户's saved mappings first. */
    public static ParsedStatement parse(byte[] content, LocalDate today, List<Mapping> mappings) {
        StatementReader.Rows rows = StatementReader.read(content);
        List<StatementReader.Line> lines = rows.lines();
        if (lines.isEmpty()) {
            throw StatementReader.file("bankStatement.empty");
        }
        Header header = findHeader(lines, mappings);
        List<Evidence> numbers = new ArrayList<>();
        List<Evidence> names = new ArrayList<>();
        for (StatementReader.Line l : lines.subList(0, header.index())) {
            preamble(l, numbers, names);
        }
        List<StatementReader.Line> data = new ArrayList<>();
        int skipped = 0;
        for (StatementReader.Line l : lines.subList(header.index() + 1, lines.size())) {
            if (!l.unclosedQuote() && totalsOrFooter(l.cells())) {
                skipped++;
            } else {
                data.add(l);
            }
        }
        if (data.isEmpty()) {
            throw StatementReader.file("bankStatement.noLines");
        }
        StatementLayout layout = header.layout();
        int width = Math.max(header.cells().size(), layout.fields().size());
        List<StatementLine> parsed = new ArrayList<>(data.size());
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> serials = new HashMap<>();
        for (StatementReader.Line line : data) {
            List<Reason> reasons = new ArrayList<>();
            StatementLine ok = line(line, layout, width, today, reasons, numbers, names);
            if (ok != null && ok.bankSerialNo() != null) {
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
        return new ParsedStatement(rows.encoding(), parsed, layout, lines.get(header.index()).line(),
                List.copyOf(numbers), List.copyOf(names), skipped);
    }

    /**
     * The first rows of a file, its header and a first mapping of it, for the mapping page: the header row the
     * import would use, or else the first row that looks like one (three or more text cells, none a number or date).
     */
    public static Preview preview(byte[] content, List<Mapping> mappings) {
        StatementReader.Rows rows = StatementReader.read(content);
        List<StatementReader.Line> lines = rows.lines();
        if (lines.isEmpty()) {
            throw StatementReader.file("bankStatement.empty");
        }
        int index;
        StatementLayout layout = null;
        List<String> header;
        try {
            Header h = findHeader(lines, mappings);
            index = h.index();
            layout = h.layout();
            header = h.cells();
        } catch (cn.baojiaolou.loan.domain.Refusal unknown) {
            index = guessHeader(lines);
            header = trimmed(lines.get(index).cells());
        }
        List<StatementField> guess = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            guess.add(layout != null ? layout.fields().get(i) : BankLayouts.guess(header.get(i)));
        }
        List<List<String>> shown = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (StatementReader.Line l : lines.subList(0, Math.min(lines.size(), Math.max(PREVIEW_ROWS, index + 6)))) {
            shown.add(trimmed(l.cells()));
            numbers.add(l.line());
        }
        return new Preview(rows.encoding(), shown, numbers, index, header, layout, guess);
    }

    /**
     * The identity of a header for saved mappings: the SHA-256 of its cells, normalised as header names are
     * compared (no case, blanks or punctuation), trailing blank cells left out.
     */
    public static String signature(List<String> cells) {
        List<String> t = trimmed(cells);
        StringBuilder s = new StringBuilder();
        for (String c : t) {
            s.append(Column.normalise(c)).append('\u001F');
        }
        return sha256(s.toString());
    }

    /**
     * The key under which two serial numbers are the same one: the database compares them with utf8mb4_unicode_ci
     * (case- and width-insensitive), so "ab12" and "AB１２" would collide on its unique key.
     */
    public static String serialKey(String serial) {
        return Normalizer.normalize(serial, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ header

    private record Header(int index, List<String> cells, StatementLayout layout) {
    }

    /**
     * Looks for the header among the first rows: a saved mapping's header, a bank layout's, or the standard one. A
     * row naming three or more known columns, or two among four or more cells of text only, is a header: if it is
     * none of those, the standard format's strict check refuses it when every cell is a standard name, else the
     * layout is unknown.
     */
    private static Header findHeader(List<StatementReader.Line> lines, List<Mapping> mappings) {
        Map<String, Mapping> bySignature = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            bySignature.putIfAbsent(m.signature(), m);
        }
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            StatementReader.Line line = lines.get(i);
            List<String> cells = trimmed(line.cells());
            long nonBlank = cells.stream().filter(c -> !c.isBlank()).count();
            if (nonBlank < 2) {
                continue;
            }
            Mapping mapping = bySignature.get(signature(cells));
            if (mapping != null) {
                return new Header(i, cells, new StatementLayout("MAPPING:" + mapping.id(), "已保存的表头映射",
                        pad(mapping.fields(), cells.size())));
            }
            StatementLayout bank = BankLayouts.match(cells);
            if (bank != null) {
                return new Header(i, cells, bank);
            }
            long known = cells.stream().filter(BankLayouts::knows).count();
            boolean allStandard = cells.stream().filter(c -> !c.isBlank()).allMatch(c -> Column.named(c) != null);
            boolean textOnly = nonBlank >= 4 && cells.stream().filter(c -> !c.isBlank())
                    .noneMatch(c -> NUMBER.matcher(c).matches() || DATE_SHAPE.matcher(c).lookingAt());
            if (known >= 3 || (known >= 2 && textOnly)) {
                if (allStandard) {
                    checkStandardHeader(cells);
                    return new Header(i, cells, StatementLayout.standard());
                }
                throw StatementReader.file("bankStatement.unknownLayout", line.line(),
                        echo(String.join("、", cells.stream().filter(c -> !c.isBlank()).toList()), 120));
            }
        }
        throw StatementReader.file("bankStatement.noHeader");
    }

    private static List<StatementField> pad(List<StatementField> fields, int size) {
        List<StatementField> out = new ArrayList<>(fields);
        while (out.size() < size) {
            out.add(StatementField.IGNORE);
        }
        return out;
    }

    private static void checkStandardHeader(List<String> cells) {
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

    /** The first row that looks like a header of an unknown layout, for the mapping page (else the first row). */
    private static int guessHeader(List<StatementReader.Line> lines) {
        int widest = 0;
        for (StatementReader.Line l : lines.subList(0, Math.min(lines.size(), HEADER_SEARCH_ROWS))) {
            widest = Math.max(widest, (int) l.cells().stream().filter(c -> !c.isBlank()).count());
        }
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            List<String> cells = lines.get(i).cells().stream().filter(c -> !c.isBlank()).toList();
            if (cells.size() >= 3 && cells.size() * 2 >= widest
                    && cells.stream().noneMatch(c -> NUMBER.matcher(c).matches() || DATE_SHAPE.matcher(c).lookingAt())) {
                return i;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ title lines

    /** 账号：4305… and 户名：… in a title line, in one cell or in two (the name, then the value). */
    private static void preamble(StatementReader.Line line, List<Evidence> numbers, List<Evidence> names) {
        List<String> fragments = new ArrayList<>();
        for (String cell : line.cells()) {
            for (String f : cell.split("\\s{2,}|\\t|，|,|；|;")) {
                if (!f.isBlank()) {
                    fragments.add(f.strip());
                }
            }
        }
        for (int i = 0; i < fragments.size(); i++) {
            String f = fragments.get(i);
            String next = i + 1 < fragments.size() ? fragments.get(i + 1) : null;
            String number = valueOf(f, next, ACCOUNT_KEYS);
            if (number != null) {
                Matcher m = ACCOUNT_VALUE.matcher(number);
                if (m.find()) {
                    numbers.add(new Evidence(m.group().strip(), line.line()));
                }
                continue;
            }
            String name = valueOf(f, next, NAME_KEYS);
            if (name != null && keyOf(name, ACCOUNT_KEYS) == null && keyOf(name, NAME_KEYS) == null) {
                names.add(new Evidence(name, line.line()));
            }
        }
    }

    /** The value after one of {@code keys} in a fragment ("账号：123"), or the next fragment after a bare key. */
    private static String valueOf(String fragment, String next, List<String> keys) {
        String key = keyOf(fragment, keys);
        if (key == null) {
            return null;
        }
        // 账号[ Account No. ]：… (an English gloss between the name and the colon), 账号：[…] (the value bracketed)
        String rest = fragment.substring(key.length()).replaceFirst("^\\s*[\\[［][^\\]］]*[A-Za-z][^\\]］]*[\\]］]", "")
                .replaceFirst("^\\s*[:：]?\\s*", "").strip();
        if (rest.startsWith("[") && rest.endsWith("]")) {
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        if (!rest.isEmpty()) {
            return rest;
        }
        return next == null || keyOf(next, ACCOUNT_KEYS) != null || keyOf(next, NAME_KEYS) != null ? null : next;
    }

    private static String keyOf(String fragment, List<String> keys) {
        for (String k : keys) {
            if (fragment.startsWith(k)) {
                String rest = fragment.substring(k.length());
                if (rest.isEmpty() || rest.charAt(0) == ':' || rest.charAt(0) == '：' || Character.isWhitespace(
                        rest.charAt(0)) || rest.charAt(0) == '[' || Character.isDigit(rest.charAt(0))) {
                    return k;
                }
            }
        }
        return null;
    }

    /** A totals row (合计, 本页合计, 总计, ...) or a footer line (以下空白, 打印日期, ...), by its first cell. */
    static boolean totalsOrFooter(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                String n = Column.normalise(c);
                return TOTALS.stream().anyMatch(n::startsWith);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ lines

    private record DateTime(LocalDate date, LocalTime time) {
    }

    private static StatementLine line(StatementReader.Line line, StatementLayout layout, int width, LocalDate today,
                                      List<Reason> reasons, List<Evidence> numbers, List<Evidence> names) {
        if (line.unclosedQuote()) {
            reasons.add(new Reason("bankStatement.unclosedQuote"));
            return null;
        }
        List<String> cells;
        if (layout.isStandard()) {
            cells = withoutTrailingBlanks(line.cells(), COLUMNS);
            if (cells.size() != COLUMNS) {
                reasons.add(new Reason("bankStatement.columns", COLUMNS, cells.size()));
                return null;
            }
        } else {
            cells = new ArrayList<>(withoutTrailingBlanks(line.cells(), 0));
            if (cells.size() > width) {
                reasons.add(new Reason("bankStatement.columns", width, cells.size()));
                return null;
            }
            while (cells.size() < width) {
                cells.add("");
            }
        }
        Cells c = new Cells(layout, cells);

        // dates: 交易日期 (perhaps with a time), 交易时间 (a time, or a date and time), 起息日 (empty = 交易日期)
        LocalDate txnDate = null;
        LocalTime txnTime = null;
        int before = reasons.size();
        if (layout.has(StatementField.TXN_DATE)) {
            DateTime d = dateTime(c.get(StatementField.TXN_DATE), StatementField.TXN_DATE,
                    !layout.has(StatementField.TXN_TIME), reasons);
            if (d != null) {
                txnDate = d.date();
                txnTime = d.time();
            }
        }
        if (layout.has(StatementField.TXN_TIME) && !c.get(StatementField.TXN_TIME).isEmpty()) {
            DateTime t = dateTime(c.get(StatementField.TXN_TIME), StatementField.TXN_TIME, false, reasons);
            if (t != null) {
                txnDate = txnDate == null ? t.date() : txnDate;
                txnTime = t.time() != null ? t.time() : txnTime;
            }
        }
        if (txnDate == null && reasons.size() == before) {
            reasons.add(new Reason("bankStatement.required", StatementField.TXN_DATE));
        }
        txnDate = inRange(txnDate, StatementField.TXN_DATE, today, reasons);
        LocalDate valueDate = txnDate;
        if (layout.has(StatementField.VALUE_DATE) && !c.get(StatementField.VALUE_DATE).isEmpty()) {
            DateTime v = dateTime(c.get(StatementField.VALUE_DATE), StatementField.VALUE_DATE, true, reasons);
            valueDate = inRange(v == null ? null : v.date(), StatementField.VALUE_DATE, today, reasons);
        }

        // direction and amount
        Direction direction = null;
        BigDecimal amount = null;
        if (layout.has(StatementField.DEBIT_AMOUNT)) {
            BigDecimal debit = optionalAmount(c.get(StatementField.DEBIT_AMOUNT), StatementField.DEBIT_AMOUNT, reasons);
            BigDecimal credit = optionalAmount(c.get(StatementField.CREDIT_AMOUNT), StatementField.CREDIT_AMOUNT,
                    reasons);
            if (debit != null && credit != null) {
                reasons.add(new Reason("bankStatement.debitAndCredit"));
            } else if (debit != null) {
                direction = Direction.DEBIT;
                amount = debit;
            } else if (credit != null) {
                direction = Direction.CREDIT;
                amount = credit;
            } else if (!c.invalid(StatementField.DEBIT_AMOUNT, StatementField.CREDIT_AMOUNT, reasons)) {
                reasons.add(new Reason("bankStatement.noAmount"));
            }
            if (direction != null && layout.has(StatementField.DIRECTION)
                    && !c.get(StatementField.DIRECTION).isEmpty()) {
                Direction flag = Direction.parse(c.get(StatementField.DIRECTION));
                if (flag != null && flag != direction) {
                    reasons.add(new Reason("bankStatement.directionMismatch", echo(c.get(StatementField.DIRECTION))));
                }
            }
        } else if (layout.has(StatementField.DIRECTION)) {
            direction = direction(c.get(StatementField.DIRECTION), reasons);
            amount = amount(c.get(StatementField.AMOUNT), StatementField.AMOUNT, true, reasons);
        } else {
            BigDecimal signed = signedAmount(c.get(StatementField.AMOUNT), reasons);
            if (signed != null) {
                direction = signed.signum() < 0 ? Direction.DEBIT : Direction.CREDIT;
                amount = signed.abs();
            }
        }

        // counterparty: its own columns, or the other side of a payer / payee export
        String counterpartyName;
        String counterpartyAccount;
        if (layout.has(StatementField.PAYER_ACCOUNT) || layout.has(StatementField.PAYER_NAME)) {
            boolean out = direction == Direction.DEBIT;
            counterpartyName = text(c.get(out ? StatementField.PAYEE_NAME : StatementField.PAYER_NAME),
                    StatementField.COUNTERPARTY_NAME, 128, false, reasons);
            counterpartyAccount = text(c.get(out ? StatementField.PAYEE_ACCOUNT : StatementField.PAYER_ACCOUNT),
                    StatementField.COUNTERPARTY_ACCOUNT, 40, false, reasons);
            if (direction != null) {
                String own = c.get(out ? StatementField.PAYER_ACCOUNT : StatementField.PAYEE_ACCOUNT);
                String ownName = c.get(out ? StatementField.PAYER_NAME : StatementField.PAYEE_NAME);
                if (!own.isEmpty()) {
                    numbers.add(new Evidence(own, line.line()));
                }
                if (!ownName.isEmpty()) {
                    names.add(new Evidence(ownName, line.line()));
                }
            }
        } else {
            counterpartyName = text(c.get(StatementField.COUNTERPARTY_NAME), StatementField.COUNTERPARTY_NAME, 128,
                    false, reasons);
            counterpartyAccount = text(c.get(StatementField.COUNTERPARTY_ACCOUNT),
                    StatementField.COUNTERPARTY_ACCOUNT, 40, false, reasons);
        }
        boolean derivedSerial = !layout.has(StatementField.BANK_SERIAL_NO);
        String serial = derivedSerial ? null : text(c.get(StatementField.BANK_SERIAL_NO),
                StatementField.BANK_SERIAL_NO, 64, true, reasons);
        String voucher = text(c.get(StatementField.VOUCHER_NO), StatementField.VOUCHER_NO, 64, false, reasons);
        BigDecimal balance = amount(c.get(StatementField.BALANCE_AFTER), StatementField.BALANCE_AFTER, false, reasons);
        String memo = text(c.joined(StatementField.MEMO), StatementField.MEMO, 255, false, reasons);
        String own = c.get(StatementField.OWN_ACCOUNT);
        if (!own.isEmpty()) {
            numbers.add(new Evidence(own, line.line()));
        }
        String ownName = c.get(StatementField.OWN_NAME);
        if (!ownName.isEmpty()) {
            names.add(new Evidence(ownName, line.line()));
        }
        String currency = c.get(StatementField.CURRENCY);
        if (!currency.isEmpty() && !RENMINBI.contains(currency.strip().toLowerCase(Locale.ROOT))) {
            reasons.add(new Reason("bankStatement.currency", echo(currency)));
        }
        if (!reasons.isEmpty()) {
            // the serial still counts for the duplicate check of later lines
            return serial == null ? null : new StatementLine(line.line(), null, null, null, null, null, null, null,
                    serial, null, null, null);
        }
        if (derivedSerial) {
            serial = derivedSerial(txnDate, txnTime, direction, amount, balance, counterpartyAccount, voucher, memo);
        }
        return new StatementLine(line.line(), txnDate, txnTime, valueDate, direction, amount, counterpartyName,
                counterpartyAccount, serial, voucher, balance, memo);
    }

    /** The cells of a line by field. */
    private record Cells(StatementLayout layout, List<String> cells) {

        String get(StatementField field) {
            List<Integer> at = layout.columns(field);
            return at.isEmpty() ? "" : cells.get(at.get(0));
        }

        /** Every non-empty cell of a repeatable field (摘要, 用途, 附言), joined. */
        String joined(StatementField field) {
            List<String> parts = new ArrayList<>();
            for (int i : layout.columns(field)) {
                if (!cells.get(i).isEmpty()) {
                    parts.add(cells.get(i));
                }
            }
            return String.join("；", parts);
        }

        /** Whether a reason was already given for one of the fields (so "no amount" is not said twice). */
        boolean invalid(StatementField a, StatementField b, List<Reason> reasons) {
            return reasons.stream().anyMatch(r -> r.args().length > 0 && (r.args()[0] == a || r.args()[0] == b));
        }
    }

    /** A serial for exports without one: the line's own content, so a re-export of the same line gives the same. */
    static String derivedSerial(LocalDate date, LocalTime time, Direction direction, BigDecimal amount,
                                BigDecimal balance, String counterpartyAccount, String voucher, String memo) {
        String content = String.join("|", String.valueOf(date), String.valueOf(time), String.valueOf(direction),
                amount.toPlainString(), balance.toPlainString(), String.valueOf(counterpartyAccount),
                String.valueOf(voucher), String.valueOf(memo));
        return "H" + sha256(content).substring(0, 23).toUpperCase(Locale.ROOT);
    }

    private static DateTime dateTime(String s, StatementField field, boolean required, List<Reason> reasons) {
        if (s.isEmpty()) {
            if (required) {
                reasons.add(new Reason("bankStatement.required", field));
            }
            return null;
        }
        LocalDate date = date(s);
        if (date != null) {
            return new DateTime(date, null);
        }
        Matcher m = DATE_TIME.matcher(s);
        if (m.matches()) {
            LocalDate d = date(m.group(1));
            LocalTime t = time(m.group(2));
            if (d != null && t != null) {
                return new DateTime(d, t);
            }
        }
        if (field == StatementField.TXN_TIME) {
            LocalTime t = time(s);
            if (t != null) {
                return new DateTime(null, t);
            }
        }
        if (s.length() == 14 && s.chars().allMatch(Character::isDigit)) {
            LocalDate d = date(s.substring(0, 8));
            LocalTime t = time(s.substring(8));
            if (d != null && t != null) {
                return new DateTime(d, t);
            }
        }
        reasons.add(new Reason("bankStatement.badDate", field, echo(s)));
        return null;
    }

    private static LocalDate date(String s) {
        if (!DATE_SHAPE.matcher(s).matches()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static LocalTime time(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (h > 23 || min > 59 || sec > 59) {
            return null;
        }
        return LocalTime.of(h, min, sec);
    }

    private static LocalDate inRange(LocalDate date, StatementField field, LocalDate today, List<Reason> reasons) {
        if (date == null) {
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            reasons.add(new Reason("bankStatement.dateRange", field, date.toString(), today.toString()));
            return null;
        }
        return date;
    }

    private static Direction direction(String s, List<Reason> reasons) {
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", StatementField.DIRECTION));
            return null;
        }
        Direction d = Direction.parse(s);
        if (d == null) {
            reasons.add(new Reason("bankStatement.badDirection", echo(s)));
        }
        return d;
    }

    /** An amount (> 0) or a balance (≥ 0): at most two decimals, thousands separators allowed. */
    private static BigDecimal amount(String s, StatementField field, boolean positive, List<Reason> reasons) {
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", field));
            return null;
        }
        BigDecimal value = number(s, field, reasons);
        if (value == null) {
            return null;
        }
        if (positive && value.signum() <= 0) {
            reasons.add(new Reason("bankStatement.notPositive", field));
            return null;
        }
        if (value.signum() < 0) {
            reasons.add(new Reason("bankStatement.negative", field));
            return null;
        }
        return checked(value, s, field, reasons);
    }

    /** A debit or credit cell: empty, "-" or zero is no amount (null); else an amount above 0. */
    private static BigDecimal optionalAmount(String s, StatementField field, List<Reason> reasons) {
        if (s.isEmpty() || NO_AMOUNT.contains(s)) {
            return null;
        }
        BigDecimal value = number(s, field, reasons);
        if (value == null || value.signum() == 0) {
            return null;
        }
        if (value.signum() < 0) {
            reasons.add(new Reason("bankStatement.negative", field));
            return null;
        }
        return checked(value, s, field, reasons);
    }

    /** A signed amount without a direction column: negative is money out of the 专户. */
    private static BigDecimal signedAmount(String s, List<Reason> reasons) {
        if (s.isEmpty()) {
            reasons.add(new Reason("bankStatement.required", StatementField.AMOUNT));
            return null;
        }
        BigDecimal value = number(s, StatementField.AMOUNT, reasons);
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            reasons.add(new Reason("bankStatement.notPositive", StatementField.AMOUNT));
            return null;
        }
        BigDecimal abs = checked(value.abs(), s, StatementField.AMOUNT, reasons);
        return abs == null ? null : value.signum() < 0 ? abs.negate() : abs;
    }

    private static BigDecimal number(String s, StatementField field, List<Reason> reasons) {
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            reasons.add(new Reason("bankStatement.badNumber", field, echo(s)));
            return null;
        }
        return new BigDecimal(m.group(1) + m.group(2).replace(",", "")
                + (m.group(3) == null ? "" : "." + m.group(3)));
    }

    private static BigDecimal checked(BigDecimal value, String s, StatementField field, List<Reason> reasons) {
        if (value.stripTrailingZeros().scale() > 2) {
            reasons.add(new Reason("bankStatement.decimals", field, echo(s)));
            return null;
        }
        if (value.compareTo(Money.MAX_AMOUNT) > 0) {
            reasons.add(new Reason("bankStatement.tooLarge", field));
            return null;
        }
        return value.setScale(2);
    }

    private static String text(String s, StatementField field, int max, boolean required, List<Reason> reasons) {
        if (s.isEmpty()) {
            if (required) {
                reasons.add(new Reason("bankStatement.required", field));
            }
            return null;
        }
        int before = reasons.size();
        if (s.codePointCount(0, s.length()) > max) {
            reasons.add(new Reason("bankStatement.tooLong", field, max));
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            reasons.add(new Reason("bankStatement.controlChar", field));
        }
        return reasons.size() == before || field == StatementField.BANK_SERIAL_NO ? s : null;
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

    private static List<String> trimmed(List<String> cells) {
        return List.copyOf(withoutTrailingBlanks(cells, 0));
    }

    /** A value quoted back in a message: shortened, control characters shown as spaces. */
    static String echo(String value) {
        return echo(value, ECHO_MAX);
    }

    static String echo(String value, int max) {
        String s = value.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.codePointCount(0, s.length()) <= max ? s
                : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
