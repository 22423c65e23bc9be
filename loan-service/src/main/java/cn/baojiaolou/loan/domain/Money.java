package cn.baojiaolou.loan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are 元 as BigDecimal with scale 2; every rounding in the system goes through {@link #fen}. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    /** 1,000亿元: larger than any single 保交楼 facility; anything above is a typo, not a loan. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");

    private Money() {
    }

    /** Rounds half-up to the fen (0.01 元). */
    public static BigDecimal fen(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal nz(BigDecimal value) {
        return value == null ? ZERO : value;
    }
}
