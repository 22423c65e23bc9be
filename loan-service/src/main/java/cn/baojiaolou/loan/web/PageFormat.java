package cn.baojiaolou.loan.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import cn.baojiaolou.reports.WanYuan;

/**
 * Amounts on pages, as {@code ${@fmt.yuan(x)}}: 元 or 万元 with thousands separators and two decimals, rounded
 * half-up (as the reports), never by the template language's own division.
 */
@Component("fmt")
public class PageFormat {

    public String yuan(BigDecimal yuan) {
        return yuan == null ? "" : WanYuan.formatYuan(yuan);
    }

    public String wan(BigDecimal yuan) {
        return yuan == null ? "" : WanYuan.format(yuan);
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A time stored in UTC, as people here read it: Beijing time (UTC+8), to the second. */
    public static String beijingTime(java.time.LocalDateTime utc) {
        return utc == null ? "" : cn.baojiaolou.loan.common.BusinessClock.beijing(utc).format(SHOWN);
    }

    /** {@code ${@fmt.formKey()}}: a one-time key for a money-posting form ({@link DoubleSubmitFilter}). */
    public String formKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /** {@code ${@fmt.beijing(t)}} in templates. */
    public String beijing(java.time.LocalDateTime utc) {
        return beijingTime(utc);
    }

    /** 0.4595 → 45.95% */
    public String percent(BigDecimal ratio) {
        return ratio == null ? "" : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** An annual rate as a percentage, as exact as it was set: 0.0325 → 3.25%, 0.03125 → 3.125%. */
    public String rate(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        BigDecimal p = ratio.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 2 ? p.setScale(2) : p).toPlainString() + "%";
    }
}
