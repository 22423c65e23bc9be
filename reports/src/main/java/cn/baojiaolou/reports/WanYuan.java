package cn.baojiaolou.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reports show amounts in 万元 (10,000 元) with two decimals; the ledger keeps 元 with two decimals.
 * The conversion rounds half-up once, here, at display: 170,360,000.00 元 → 17,036.00 万元.
 */
public final class WanYuan {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private WanYuan() {
    }

    public static BigDecimal of(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** 17,036.00 — thousands separators, two decimals. */
    public static String format(BigDecimal yuan) {
        return grouped(of(yuan));
    }

    /** 元 with thousands separators and two decimals: 170,360,000.00. */
    public static String formatYuan(BigDecimal yuan) {
        return grouped(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * Thousands separators on the plain digits of a scale-2 amount (no rounding here). Written out rather than with
     * a DecimalFormat, whose pattern was parsed again for every cell of every report.
     */
    private static String grouped(BigDecimal twoDecimals) {
        String plain = twoDecimals.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3);
        out.append(plain, 0, start);
        for (int i = start; i < dot; i++) {
            if (i > start && (dot - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, dot, plain.length()).toString();
    }
}
