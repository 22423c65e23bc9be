package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Every failed login leaves an audit row with the name that was tried and why it failed; a wrong password counts
 * towards the lock ({@link LoginLock}), a successful login clears the count.
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
        audit.refusal(tried, "LOGIN_FAILED", "user", tried, AuditTrail.FAILED,
                event.getException().getClass().getSimpleName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            lock.failed(tried);
        }
    }

    @EventListener
    void onLoginSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        // the API authenticates every request: only touch the table when there is a count to clear
        if (lock.hasFailures(name)) {
            lock.succeeded(name);
        }
    }
}
