package cn.baojiaolou.loan.bankstatement;

import java.util.Locale;
import java.util.Map;

/** 借贷方向 of a 专户 statement line: 借 DEBIT is money out of the account, 贷 CREDIT money in. */
public enum Direction {
    DEBIT,
    CREDIT;

    private static final Map<String, Direction> WORDS = Map.of(
            "借", DEBIT, "借方", DEBIT, "debit", DEBIT, "d", DEBIT, "dr", DEBIT,
            "贷", CREDIT, "贷方", CREDIT, "credit", CREDIT, "c", CREDIT, "cr", CREDIT);

    /** 借/贷, debit/credit or D/C (case-insensitive; also 借方/贷方, DR/CR); null when it is none of them. */
    public static Direction parse(String text) {
        return text == null ? null : WORDS.get(text.strip().toLowerCase(Locale.ROOT));
    }
}
