package cn.baojiaolou.reports;

import java.math.BigDecimal;

/**
 * An annual rate (a ratio, 0.031 = 3.1 %) as a percent with at least two decimals and no more than it has: 3.10%,
 * 3.125%. Never rounded: a rate is agreed to the basis point or finer, and 3.125% shown as 3.13% would misstate the
 * contract.
 */
public final class RatePercent {

    private RatePercent() {
    }

    public static String format(BigDecimal ratio) {
        BigDecimal percent = ratio.movePointRight(2).stripTrailingZeros();
        if (percent.scale() < 2) {
            percent = percent.setScale(2);
        }
        return percent.toPlainString() + "%";
    }
}
