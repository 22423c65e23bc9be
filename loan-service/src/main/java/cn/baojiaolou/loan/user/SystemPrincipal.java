package cn.baojiaolou.loan.user;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.concurrent.Callable;

/**
 * The explicit principal of work no person does: the nightly close, statement imports from the batch runner and the
 * month-end print. It has city scope and the role SYSTEM, cannot log in (it has no password and no app_user row),
 * and the audit trail names it "system".
 */
public final class SystemPrincipal {

    public static final String NAME = "system";
    public static final LoanUser USER = new LoanUser(NAME, "", "系统（夜间批处理）", Role.SYSTEM, null, true);

    private SystemPrincipal() {
    }

    /** Runs {@code work} as the system principal on this thread, then restores whoever acted before. */
    public static <T> T call(Callable<T> work) throws Exception {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null, USER.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        try {
            call(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
