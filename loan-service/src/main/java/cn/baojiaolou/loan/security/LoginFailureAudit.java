package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.web.DatabaseTrouble;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins in the audit trail. A wrong password or an unknown name goes to {@link LoginLock}, which counts it and
 * audits the first of a burst and the lock; an attempt refused because of a lock is not audited again (the lock was);
 * any other failure (a disabled account) is audited as it happens. A successful login through the form is audited
 * with its address (HTTP Basic authenticates every API request, so its successes are not).
 */
@Component
class LoginFailureAudit {

    private final AuditTrail audit;
    private final LoginLock lock;

    LoginFailureAudit(AuditTrail audit, LoginLock lock) {
        this.audit = audit;
        this.lock = lock;
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication() == null ? "?" : event.getAuthentication().getName();
        String address = event.getAuthentication() == null ? null
                : LoginLockingProvider.addressOf(event.getAuthentication());
        if (event.getException() instanceof BadCredentialsException) {
            lock.failed(tried, address);
        } else if (DatabaseTrouble.is(event.getException())) {
            return; // the database is down: nothing was checked, and there is nowhere to write (answered 503)
        } else if (!(event.getException() instanceof LockedException)) {
            audit.refusal(tried, "LOGIN_FAILED", "user", tried, AuditTrail.FAILED,
                    event.getException().getClass().getSimpleName() + "，来自 " + address);
        }
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        audit.record(name, "LOGIN_SUCCEEDED", "user", name, AuditTrail.SUCCESS,
                "登录成功，来自 " + LoginLockingProvider.addressOf(event.getAuthentication()));
    }
}
