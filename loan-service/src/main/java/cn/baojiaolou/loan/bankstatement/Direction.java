package cn.baojiaolou.loan.bankstatement;

import java.util.Locale;
import java.util.Map;

/** 借贷方向 of a 专户 statement line: 借 DEBIT is money out of the account, 贷 CREDIT money in. */
public enum Direction {
    DEBIT,
    CREDIT;

    private static final Map<String, Direction> WORDS = Map.ofEntries(
            Map.entry("借", DEBIT), Map.entry("借方", DEBIT), Map.entry("支出", DEBIT), Map.entry("付", DEBIT), Map.entry("debit", DEBIT),
            Map.entry("d", DEBIT), Map.entry("dr", DEBIT),
            Map.entry("贷", CREDIT), Map.entry("贷方", CREDIT), Map.entry("收入", CREDIT), Map.entry("收", CREDIT), Map.entry("credit", CREDIT),
            Map.entry("c", CREDIT), Map.entry("cr", CREDIT));

    /**
     * 借/贷, debit/credit or D/C (case-insensitive; also 借方/贷方, 支出/收入, 付/收, DR/CR); null when it is none of
     * them.
     */
    public static Direction parse(String text) {
        return text == null ? null : WORDS.get(text.strip().toLowerCase(Locale.ROOT));
    }
}
