package cn.baojiaolou.loan.domain.statement;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a statement file belongs to the chosen 专户 (issue 12): the account number (账号, 卡号, 本方账号) or the
 * account name (户名) a bank export carries, in its title lines or on every line, must be the 专户's. Numbers are
 * compared as their letters and digits (blanks and dashes dropped, full-width digits read as digits); a masked number
 * (6217****1888) matches when its visible head and tail do and at least four digits show. Names are compared without
 * blanks, full-width and half-width forms alike (（） = ()).
 */
public final class StatementAccount {

    /** Fewer visible digits than this in a masked number prove nothing. */
    static final int MASK_MIN_VISIBLE = 4;

    private StatementAccount() {
    }

    /** The letters, digits and mask stars of an account number, upper case; null for a blank one. */
    public static String normalise(String accountNo) {
        if (accountNo == null) {
            return null;
        }
        String s = Normalizer.normalize(accountNo, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '*') {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The file's account number is the 专户's. */
    public static boolean sameNumber(String inFile, String accountNo) {
        String a = normalise(inFile);
        String b = normalise(accountNo);
        if (a == null || b == null) {
            return false;
        }
        int star = a.indexOf('*');
        if (star < 0) {
            return a.equals(b);
        }
        String head = a.substring(0, star);
        String tail = a.substring(a.lastIndexOf('*') + 1);
        return head.length() + tail.length() >= MASK_MIN_VISIBLE && b.length() >= head.length() + tail.length()
                && b.startsWith(head) && b.endsWith(tail);
    }

    /** The file's account name is the 专户's. */
    public static boolean sameName(String inFile, String accountName) {
        String a = name(inFile);
        String b = name(accountName);
        return a != null && a.equals(b);
    }

    private static String name(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
