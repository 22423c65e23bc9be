package cn.baojiaolou.loan.user;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now: the signed-in user, or "system" for the demo loader and the nightly jobs. */
public final class CurrentUser {

    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static LoanUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LoanUser user) {
            return user;
        }
        return null;
    }

    public static String username() {
        LoanUser user = get();
        if (user != null) {
            return user.username();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null ? auth.getName() : SYSTEM;
    }

    /** A project in another district is answered as if it did not exist. */
    public static boolean canSeeDistrict(long districtId) {
        LoanUser user = get();
        return user == null || user.canSee(districtId);
    }
}
