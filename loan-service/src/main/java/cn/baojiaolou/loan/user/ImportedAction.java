package cn.baojiaolou.loan.user;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * A service call made by the 台账 import on behalf of a row of a workbook (issue 12): who acts is the principal the
 * row names (a real user of the workbook's 经办人 / 复核人 columns, the importing user, or the "imported" marker), who
 * really did it is {@code importer}. Carried as the authentication's details, so the audit trail names the acting
 * principal and says in its detail which import, sheet and row it came from and who imported it.
 */
public record ImportedAction(String importer, long importId, String sheet, int row) {

    /** The marker username of a decision nobody in the system made: 导入:&lt;importer&gt;. */
    public static String marker(String importer) {
        String name = "导入:" + importer;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /** What the audit row says: 台账导入 #12（拨付 第 5 行），导入人 accountant. */
    public String describe() {
        return "台账导入 #" + importId + "（" + sheet + " 第 " + row + " 行），导入人 " + importer;
    }

    /** The import action the current call is made for, or null for an ordinary call. */
    public static ImportedAction current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ImportedAction a ? a : null;
    }

    /** Runs {@code work} as {@code user} on behalf of this import row, then restores whoever acted before. */
    public <T> T run(LoanUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        token.setDetails(this);
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
