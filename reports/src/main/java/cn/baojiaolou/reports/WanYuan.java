package cn.baojiaolou.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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
        return formatter().format(of(yuan));
    }

    /** 元 with thousands separators and two decimals: 170,360,000.00. */
    public static String formatYuan(BigDecimal yuan) {
        return formatter().format(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    private static DecimalFormat formatter() {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
