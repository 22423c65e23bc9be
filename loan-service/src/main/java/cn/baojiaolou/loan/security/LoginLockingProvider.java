package cn.baojiaolou.loan.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt behind the lock: a locked name is refused before its password is checked, and a successful login clears
 * the failures counted so far. One read of {@code login_lock} per authentication, a write only when there is
 * something to clear. Wrong passwords are counted by {@link LoginFailureAudit} from the failure event.
 */
class LoginLockingProvider extends DaoAuthenticationProvider {

    private final LoginLock lock;

    LoginLockingProvider(UserDetailsService users, PasswordEncoder encoder, LoginLock lock) {
        super(users);
        setPasswordEncoder(encoder);
        this.lock = lock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        LoginLock.Standing standing = lock.standing(name);
        if (standing.lockedUntil() != null) {
            throw new LockedException(LoginLock.beijingTime(standing.lockedUntil()));
        }
        Authentication done = super.authenticate(authentication);
        if (standing.hasFailures()) {
            lock.succeeded(name);
        }
        return done;
    }
}
