package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Every failed login leaves an audit row with the name that was tried and why it failed; a wrong password counts
 * towards the lock ({@link LoginLock}; a successful login clears the count in {@link LoginLockingProvider}).
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
}
