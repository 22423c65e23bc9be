package cn.baojiaolou.loan.user;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting now: a signed-in user, or the {@link SystemPrincipal} the batch runner and the demo loader act as.
 * Fails closed: with nobody signed in, {@link #require} refuses and {@link #canSeeDistrict} answers no.
 */
public final class CurrentUser {

    /** The name recorded for an attempt made by nobody (an anonymous request refused at the door). */
    public static final String ANONYMOUS = "anonymous";

    private CurrentUser() {
    }

    /** The user acting now, or null when nobody is: for display only, never for a decision. */
    public static LoanUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof LoanUser user) {
            return user;
        }
        return null;
    }

    /** The user acting now; nobody signed in is refused (401), never read as the whole city. */
    public static LoanUser require() {
        LoanUser user = get();
        if (user == null) {
            throw new AuthenticationCredentialsNotFoundException("没有登录用户");
        }
        return user;
    }

    /** The name for the audit trail: the user's login, or the name an unauthenticated attempt gave. */
    public static String username() {
        LoanUser user = get();
        if (user != null) {
            return user.username();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getName() != null ? auth.getName() : ANONYMOUS;
    }

    /** A project in another district is answered as if it did not exist; nobody sees nothing. */
    public static boolean canSeeDistrict(long districtId) {
        LoanUser user = get();
        return user != null && user.canSee(districtId);
    }
}
