package cn.baojiaolou.loan.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * BCrypt behind the lock: a user locked from this address, or an address blocked for trying names that do not exist,
 * is refused before the password is checked, and a successful login clears the failures counted so far. Wrong
 * passwords are counted by {@link LoginFailureAudit} from the failure event.
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
        String address = addressOf(authentication);
        LoginLock.Standing standing = lock.standing(name, address);
        if (standing.lockedUntil() != null) {
            throw new LockedException(LoginLock.beijingTime(standing.lockedUntil()));
        }
        Authentication done = super.authenticate(authentication);
        if (standing.hasFailures()) {
            lock.succeeded(name, address);
        }
        return done;
    }

    /** The client address Spring Security recorded with the attempt (form login and HTTP Basic alike). */
    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }
}
