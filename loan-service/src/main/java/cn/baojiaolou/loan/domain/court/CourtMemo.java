package cn.baojiaolou.loan.domain.court;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Court actions seen in a 专户 statement (issue 12, DOMAIN.md "Court actions on the 专户"): a line whose memo mentions
 * 冻结, 扣划, 司法, 法院 or 执行 is flagged on import, and a flagged debit opens a court deduction in the register. The
 * memo may carry the case number the way Chinese courts write it, （2023）湘1102执1234号.
 */
public final class CourtMemo {

    public static final List<String> KEYWORDS = List.of("冻结", "扣划", "司法", "法院", "执行");

    private static final Pattern CASE_NO = Pattern.compile("[（(]\\d{4}[）)][\\p{IsHan}A-Za-z0-9]{1,20}?\\d+号");

    private CourtMemo() {
    }

    /** Any of the texts mentions a court action. */
    public static boolean mentions(String... texts) {
        for (String t : texts) {
            if (t != null && KEYWORDS.stream().anyMatch(t::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The first case number (案号) in the texts, or null. */
    public static String caseNumber(String... texts) {
        for (String t : texts) {
            if (t != null) {
                Matcher m = CASE_NO.matcher(t);
                if (m.find()) {
                    return m.group();
                }
            }
        }
        return null;
    }

    /** The court, when the counterparty is one (its name has 法院), else null. */
    public static String court(String counterpartyName) {
        return counterpartyName != null && counterpartyName.contains("法院") ? counterpartyName.strip() : null;
    }
}
