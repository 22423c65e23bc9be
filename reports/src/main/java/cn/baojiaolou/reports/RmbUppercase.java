package cn.baojiaolou.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 人民币大写, as the bank forms want it (《正确填写票据和结算凭证的基本规定》): 壹拾 not 拾, one 零 for a run of zeros,
 * 零 before the 分 when the 角 is zero, 整 after 元 or 角 when there is no 分. 1,000,000.05 → 壹佰万元零伍分.
 */
public final class RmbUppercase {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] IN_GROUP = {"仟", "佰", "拾", ""};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};
    private static final BigDecimal LIMIT = new BigDecimal("10000000000000000");

    private RmbUppercase() {
    }

    public static String of(BigDecimal amount) {
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
        if (fen.signum() < 0) {
            return "负" + of(fen.negate());
        }
        if (fen.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large for 大写: " + amount);
        }
        long yuan = fen.longValue();
        int cents = fen.movePointRight(2).remainder(BigDecimal.valueOf(100)).intValue();
        int jiao = cents / 10;
        int fenDigit = cents % 10;

        StringBuilder s = new StringBuilder();
        if (yuan > 0) {
            integerPart(yuan, s);
            s.append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return s.length() == 0 ? "零元整" : s.append('整').toString();
        }
        if (jiao > 0) {
            s.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            s.append('零'); // 角位是 0 而分位不是 0：元后写零
        }
        if (fenDigit > 0) {
            s.append(DIGITS[fenDigit]).append('分');
        } else {
            s.append('整');
        }
        return s.toString();
    }

    private static void integerPart(long yuan, StringBuilder s) {
        int[] groups = new int[4];
        int count = 0;
        for (long v = yuan; v > 0; v /= 10_000) {
            groups[count++] = (int) (v % 10_000);
        }
        boolean zeroPending = false;
        for (int g = count - 1; g >= 0; g--) {
            int group = groups[g];
            if (group == 0) {
                zeroPending = true;
                continue;
            }
            if (s.length() > 0 && (zeroPending || group < 1000)) {
                s.append('零');
            }
            zeroPending = false;
            boolean zeroInGroup = false;
            boolean started = false;
            for (int i = 0, divisor = 1000; i < 4; i++, divisor /= 10) {
                int d = group / divisor % 10;
                if (d == 0) {
                    zeroInGroup = started;
                    continue;
                }
                if (zeroInGroup) {
                    s.append('零');
                    zeroInGroup = false;
                }
                s.append(DIGITS[d]).append(IN_GROUP[i]);
                started = true;
            }
            // trailing zeros of a group are not written; the group's unit is
            s.append(GROUPS[g]);
        }
    }
}
