package cn.baojiaolou.loan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in 人民币大写 (DOMAIN.md "Amounts in words"), as cheques and letters write it: 1,234.56 →
 * 壹仟贰佰叁拾肆元伍角陆分, 1,300,000.00 → 壹佰叁拾万元整, 1,000,500.00 → 壹佰万零伍佰元整, 0.06 → 陆分. Zeros inside
 * a number read as one 零; a whole amount ends in 整. At most two decimals, at most {@link Money#MAX_AMOUNT}.
 */
public final class AmountInWords {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private AmountInWords() {
    }

    public static String of(BigDecimal amount) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("not an amount of 元: " + amount);
        }
        BigDecimal fen = amount.setScale(2, RoundingMode.UNNECESSARY);
        long yuan = fen.longValue();
        int cents = fen.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValueExact();
        int jiao = cents / 10;
        int fenDigit = cents % 10;
        StringBuilder s = new StringBuilder();
        if (yuan > 0) {
            s.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return s.isEmpty() ? "零元整" : s.append('整').toString();
        }
        if (jiao > 0) {
            s.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            s.append('零');
        }
        if (fenDigit > 0) {
            s.append(DIGITS.charAt(fenDigit)).append('分');
        }
        return s.toString();
    }

    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        int groups = 0;
        long rest = value;
        while (rest > 0) {
            groups++;
            rest /= 10_000;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (value / pow10k(g) % 10_000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || group < 1000)) {
                out.append('零');
            }
            out.append(group(group)).append(GROUPS[g]);
            zeroPending = false;
        }
        return out.toString();
    }

    /** 1 … 9999 in words, zeros inside collapsed to one 零, trailing zeros dropped. */
    private static String group(int n) {
        StringBuilder s = new StringBuilder();
        boolean zero = false;
        for (int pos = 3; pos >= 0; pos--) {
            int d = n / (int) Math.pow(10, pos) % 10;
            if (d == 0) {
                zero = s.length() > 0;
                continue;
            }
            if (zero) {
                s.append('零');
                zero = false;
            }
            s.append(DIGITS.charAt(d)).append(IN_GROUP[pos]);
        }
        return s.toString();
    }

    private static long pow10k(int g) {
        long p = 1;
        for (int i = 0; i < g; i++) {
            p *= 10_000;
        }
        return p;
    }
}
