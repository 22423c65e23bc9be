package cn.baojiaolou.loan.bankstatement;

import java.util.Arrays;
import java.util.List;

/**
 * What a column of a bank export holds, whatever the bank calls it. A layout ({@link StatementLayout}) assigns one
 * field to each header cell; the reader turns the cells of a line into a {@link StatementLine} by field. Some fields
 * are alternatives: the amount is either {@link #AMOUNT} with a {@link #DIRECTION} (or signed, without one), or
 * {@link #DEBIT_AMOUNT} and {@link #CREDIT_AMOUNT}; the counterparty is either {@code COUNTERPARTY_*} or, for
 * exports that list payer and payee (中国银行), the side that is not the 专户.
 */
public enum StatementField {
    /** 交易日期 / 记账日期: a date, or a date and time. */
    TXN_DATE("txnDate"),
    /** 交易时间: a time (10:23:45, 102345), or a date and time (2023-06-15 10:23:45). */
    TXN_TIME("txnTime"),
    /** 起息日: empty means the transaction date. */
    VALUE_DATE("valueDate"),
    /** 借/贷, 借方/贷方, 支出/收入, debit/credit, D/C. */
    DIRECTION("direction"),
    /** 金额 / 发生额: positive with a direction, or signed (negative = out of the 专户) without one. */
    AMOUNT("amount"),
    /** 借方发生额 / 支出金额 / 支出: money out. */
    DEBIT_AMOUNT("debitAmount"),
    /** 贷方发生额 / 收入金额 / 收入: money in. */
    CREDIT_AMOUNT("creditAmount"),
    COUNTERPARTY_NAME("counterpartyName"),
    COUNTERPARTY_ACCOUNT("counterpartyAccount"),
    /** 付款人名称: the counterparty of money in. */
    PAYER_NAME("payerName"),
    /** 付款人账号: the counterparty of money in, the 专户 itself for money out. */
    PAYER_ACCOUNT("payerAccount"),
    /** 收款人名称: the counterparty of money out. */
    PAYEE_NAME("payeeName"),
    /** 收款人账号: the counterparty of money out, the 专户 itself for money in. */
    PAYEE_ACCOUNT("payeeAccount"),
    /** 银行流水号: without such a column a serial is derived from the line (see README). */
    BANK_SERIAL_NO("bankSerialNo"),
    VOUCHER_NO("voucherNo"),
    BALANCE_AFTER("balanceAfter"),
    /** 摘要, 用途, 附言, 备注: several columns are joined. */
    MEMO("memo"),
    /** 本方账号 / 账号 / 卡号 on every line: must be the chosen 专户's. */
    OWN_ACCOUNT("ownAccount"),
    /** 本方户名 / 户名 on every line: must be the 专户's name. */
    OWN_NAME("ownName"),
    /** 币种: only 人民币 lines are accepted. */
    CURRENCY("currency"),
    /** A column the import does not need (对方行号, 交易渠道, ...). */
    IGNORE("ignore");

    private final String key;

    StatementField(String key) {
        this.key = key;
    }

    /** The name in the API and the mapping JSON, e.g. {@code debitAmount}. */
    public String key() {
        return key;
    }

    /** The message key of the field's label, e.g. bankStatement.column.debitAmount (借方发生额). */
    public String labelKey() {
        return "bankStatement.column." + key;
    }

    /** Fields that may be assigned to more than one column. */
    public boolean repeatable() {
        return this == MEMO || this == IGNORE;
    }

    public static StatementField ofKey(String key) {
        if (key == null) {
            return null;
        }
        String k = key.strip();
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(k) || f.name().equalsIgnoreCase(k))
                .findFirst().orElse(null);
    }

    /** The fields a mapping may choose, in the order the mapping page offers them. */
    public static List<StatementField> choices() {
        return List.of(values());
    }
}
