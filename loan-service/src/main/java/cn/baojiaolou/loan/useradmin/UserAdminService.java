package cn.baojiaolou.loan.useradmin;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.PasswordPolicy;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * Users (用户管理): an admin creates one with a one-time password, disables or re-enables one, and resets a password
 * to a new one-time one; every user changes their own password ({@link PasswordPolicy}, none of the last five).
 * A one-time password must be replaced before anything else (PasswordChangeRequiredFilter). Every change is audited
 * without any password or hash in it. System clients (系统账户) have no password and are managed by their tokens.
 */
@Service
public class UserAdminService {

    /**
     * The session's memory of whether its user must still replace a one-time password (Boolean), kept by the
     * security filter that enforces it and cleared by the change.
     */
    public static final String MUST_CHANGE_SESSION_FLAG = UserAdminService.class.getName() + ".mustChangePassword";

    /** Letters and digits that cannot be misread when read out or copied by hand (no 0/O, 1/l/I). */
    private static final String ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int ONE_TIME_LENGTH = 14;

    private final UserAccountMapper accounts;
    private final DistrictService districts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final SecureRandom random = new SecureRandom();

    public UserAdminService(UserAccountMapper accounts, DistrictService districts, PasswordEncoder encoder,
                            AuditTrail audit, BusinessClock clock) {
        this.accounts = accounts;
        this.districts = districts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A user and the one-time password to hand over (shown this once; it must be changed at the first login). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CreatedUser")
    public record Created(UserAccountMapper.UserAccount user, String oneTimePassword) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ADMIN)
    public List<UserAccountMapper.UserAccount> list() {
        return accounts.list();
    }

    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public Created create(String username, String displayName, Role role, String district) {
        if (role == null || !Role.PEOPLE.contains(role)) {
            throw Refusal.invalid("role", "user.roleUnknown");
        }
        Long districtId = district == null || district.isBlank() ? null : districts.require(district.strip()).id();
        String password = oneTimePassword();
        try {
            accounts.insert(username, encoder.encode(password), displayName, role.name(), districtId, clock.nowUtc());
        } catch (DuplicateKeyException taken) {
            throw Refusal.conflict("user.exists", username);
        }
        UserAccountMapper.UserAccount created = accounts.find(username);
        audit.write("USER_CREATED", "user", username, null, describe(created));
        return new Created(created, password);
    }

    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public UserAccountMapper.UserAccount setEnabled(String username, boolean enabled) {
        if (!enabled && username.equals(CurrentUser.username())) {
            // an admin who disables themself may leave the bureau without one
            throw Refusal.rule("user.notYourself");
        }
        UserAccountMapper.UserAccount before = person(username);
        accounts.lockCredentials(username);
        accounts.setEnabled(username, enabled);
        UserAccountMapper.UserAccount after = accounts.find(username);
        audit.write(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username, describe(before), describe(after));
        return after;
    }

    /** A forgotten password: a new one-time one, which the user must change at the next login. */
    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public Created resetPassword(String username) {
        UserAccountMapper.UserAccount before = person(username);
        UserAccountMapper.Credentials c = accounts.lockCredentials(username);
        String password = oneTimePassword();
        accounts.remember(c.id(), c.passwordHash(), clock.nowUtc());
        accounts.setPassword(c.id(), encoder.encode(password), true, clock.nowUtc());
        UserAccountMapper.UserAccount after = accounts.find(username);
        audit.write("PASSWORD_RESET", "user", username, describe(before), describe(after));
        return new Created(after, password);
    }

    /** One's own password: the current one, then a new one that keeps the policy and is none of the last five. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        LoanUser me = CurrentUser.require();
        UserAccountMapper.Credentials c = accounts.lockCredentials(me.username());
        if (c == null || "-".equals(c.passwordHash())) {
            // a system client signs in by token and has no password to change
            throw Refusal.forbidden("password.noPassword");
        }
        if (currentPassword == null || !encoder.matches(currentPassword, c.passwordHash())) {
            throw Refusal.invalid("currentPassword", "password.currentWrong");
        }
        PasswordPolicy.check("newPassword", me.username(), newPassword);
        if (encoder.matches(newPassword, c.passwordHash())) {
            throw Refusal.invalid("newPassword", "password.reused", PasswordPolicy.HISTORY);
        }
        // the current one and the four before it: five in all may not come back
        for (String earlier : accounts.recentHashes(c.id(), PasswordPolicy.HISTORY - 1)) {
            if (encoder.matches(newPassword, earlier)) {
                throw Refusal.invalid("newPassword", "password.reused", PasswordPolicy.HISTORY);
            }
        }
        accounts.remember(c.id(), c.passwordHash(), clock.nowUtc());
        accounts.setPassword(c.id(), encoder.encode(newPassword), false, clock.nowUtc());
        audit.write("PASSWORD_CHANGED", "user", me.username(), Map.of("mustChangePassword", c.mustChangePassword()),
                Map.of("mustChangePassword", false));
    }

    /** Whether the user signed in with a one-time password that is still to be replaced. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return Boolean.TRUE.equals(accounts.mustChangePassword(username));
    }

    private UserAccountMapper.UserAccount person(String username) {
        UserAccountMapper.UserAccount u = accounts.find(username);
        if (u == null) {
            throw Refusal.notFound("user.unknown", username);
        }
        if (u.serviceAccount()) {
            throw Refusal.rule("user.serviceAccount", u.displayName());
        }
        return u;
    }

    private String oneTimePassword() {
        StringBuilder s = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            s.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return s.toString();
    }

    /** What the audit row keeps of a user: never a password or its hash. */
    private static Map<String, Object> describe(UserAccountMapper.UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role());
        m.put("district", u.districtName());
        m.put("enabled", u.enabled());
        m.put("mustChangePassword", u.mustChangePassword());
        return m;
    }
}
