package cn.baojiaolou.loan.bankstatement;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The columns of the system's own ten-column statement format (the STANDARD layout), in file order, each with the
 * header names accepted for it (Chinese as the banks print them, or English; compared without case, blanks and
 * punctuation). Bank exports in other layouts are read by {@link BankLayouts} or a saved mapping.
 */
public enum Column {
    TXN_DATE("txnDate", "交易日期", "记账日期", "transaction date", "txn date", "date"),
    VALUE_DATE("valueDate", "起息日", "起息日期", "value date"),
    DIRECTION("direction", "借贷方向", "借贷标志", "借贷", "direction", "debit/credit", "dr/cr"),
    AMOUNT("amount", "金额", "交易金额", "发生额", "amount"),
    COUNTERPARTY_NAME("counterpartyName", "对方户名", "对方账户名称", "对方名称", "counterparty name",
            "counterparty"),
    COUNTERPARTY_ACCOUNT("counterpartyAccount", "对方账号", "对方账户", "counterparty account",
            "counterparty account no"),
    BANK_SERIAL_NO("bankSerialNo", "银行流水号", "交易流水号", "流水号", "bank serial number", "bank serial no",
            "serial number", "serial no"),
    VOUCHER_NO("voucherNo", "凭证号", "凭证号码", "voucher number", "voucher no"),
    BALANCE_AFTER("balanceAfter", "交易后余额", "账户余额", "余额", "balance after", "balance"),
    MEMO("memo", "摘要", "用途", "备注", "memo", "remark");

    private final String field;
    private final List<String> raw;
    private final List<String> names;

    Column(String field, String... names) {
        this.field = field;
        this.raw = List.of(names);
        this.names = raw.stream().map(Column::normalise).toList();
    }

    /** The field the column holds in a {@link StatementLayout}. */
    public StatementField target() {
        return StatementField.valueOf(name());
    }

    /** The JSON / property name of the column, e.g. {@code bankSerialNo}. */
    public String field() {
        return field;
    }

    /** The message key of the column's label in the message bundles. */
    public String labelKey() {
        return "bankStatement.column." + field;
    }

    /** The Chinese header the sample file and the README use, e.g. 交易日期. */
    public String chineseHeader() {
        return raw.get(0);
    }

    /** The English header, e.g. transaction date. */
    public String englishHeader() {
        return raw.stream().filter(n -> n.chars().allMatch(c -> c < 128)).findFirst().orElseThrow();
    }

    public boolean accepts(String header) {
        return header != null && names.contains(normalise(header));
    }

    /** The column a header cell names, wherever it stands; null when it names none. */
    public static Column named(String header) {
        for (Column c : values()) {
            if (c.accepts(header)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A header name as compared: lower case, without blanks and punctuation, and without the English gloss some banks
     * add in square brackets (中国银行: 交易日期[ Transaction Date ]).
     */
    static String normalise(String header) {
        String s = Noise.GLOSS.matcher(header.strip()).replaceAll("");
        return Noise.PATTERN.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Blanks and punctuation ignored in header names (a holder: enum constants are built before static fields). */
    private static final class Noise {
        static final Pattern PATTERN = Pattern.compile("[\\s_\\-./()（）:：*＊\\uFEFF]");
        static final Pattern GLOSS = Pattern.compile("[\\[［][^\\]］]*[\\]］]");
    }
}
