package cn.baojiaolou.loan.bankstatement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How to read the lines under one header: the field of each header cell, by position. {@code code} is STANDARD (the
 * system's own ten columns, checked strictly), a bank layout's code (ICBC, CCB, ...) or MAPPING:&lt;id&gt; for a
 * mapping an accountant saved for the 专户; {@code name} is what the import answer and the page show.
 */
public record StatementLayout(String code, String name, List<StatementField> fields) {

    public static final String STANDARD = "STANDARD";

    public StatementLayout {
        fields = List.copyOf(fields);
    }

    /** The system's own format: exactly the ten columns of {@link Column}, in order. */
    public static StatementLayout standard() {
        List<StatementField> fields = new ArrayList<>();
        for (Column c : Column.values()) {
            fields.add(c.target());
        }
        return new StatementLayout(STANDARD, "系统标准格式", fields);
    }

    public boolean isStandard() {
        return STANDARD.equals(code);
    }

    public boolean has(StatementField field) {
        return fields.contains(field);
    }

    /** The positions of the cells holding {@code field}, in order (several for MEMO). */
    public List<Integer> columns(StatementField field) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == field) {
                at.add(i);
            }
        }
        return at;
    }

    /**
     * What makes a set of fields unreadable, as message keys (empty when it can be read): a date (TXN_DATE or a
     * date-time TXN_TIME), an amount (AMOUNT, or DEBIT_AMOUNT with CREDIT_AMOUNT, not both ways), the balance, each
     * field once (MEMO and IGNORE excepted), payer and payee columns in pairs.
     */
    public static List<String> problems(List<StatementField> fields) {
        Map<StatementField, Integer> count = new EnumMap<>(StatementField.class);
        for (StatementField f : fields) {
            if (f != null) {
                count.merge(f, 1, Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!count.containsKey(StatementField.TXN_DATE) && !count.containsKey(StatementField.TXN_TIME)) {
            problems.add("bankStatement.mapping.noDate");
        }
        boolean single = count.containsKey(StatementField.AMOUNT);
        boolean debit = count.containsKey(StatementField.DEBIT_AMOUNT);
        boolean credit = count.containsKey(StatementField.CREDIT_AMOUNT);
        if (!single && !(debit && credit)) {
            problems.add("bankStatement.mapping.noAmount");
        } else if (single && (debit || credit)) {
            problems.add("bankStatement.mapping.twoAmounts");
        }
        if (!count.containsKey(StatementField.BALANCE_AFTER)) {
            problems.add("bankStatement.mapping.noBalance");
        }
        boolean payer = count.containsKey(StatementField.PAYER_ACCOUNT) || count.containsKey(StatementField.PAYER_NAME);
        boolean payee = count.containsKey(StatementField.PAYEE_ACCOUNT) || count.containsKey(StatementField.PAYEE_NAME);
        if (payer != payee) {
            problems.add("bankStatement.mapping.payerPayee");
        }
        if (count.entrySet().stream().anyMatch(e -> !e.getKey().repeatable() && e.getValue() > 1)) {
            problems.add("bankStatement.mapping.repeated");
        }
        return problems;
    }
}
