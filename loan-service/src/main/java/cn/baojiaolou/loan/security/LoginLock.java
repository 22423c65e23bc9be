package cn.baojiaolou.loan.security;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.UserMapper;

/**
 * Failed logins, for the pages and the API alike, counted in the database under row locks (two servers or two racing
 * attempts cannot both slip under a limit):
 * <ul>
 *   <li>five wrong passwords for a real user from one client address within 15 minutes lock that user, from that
 *       address, for 15 minutes: nobody can lock a colleague out by guessing from elsewhere;</li>
 *   <li>twenty failures with names that do not exist from one address within 15 minutes block that address for 15
 *       minutes; such names leave no row of their own, so they cannot fill the table;</li>
 *   <li>the audit trail gets one row for the first failure of a window (who, when, from where, the result) and one
 *       when a lock or block starts, with the count: a burst of failures is two rows, not one each (等保 2.0 asks
 *       for who, when, from where and the result, not for every keystroke).</li>
 * </ul>
 */
@Component
public class LoginLock {

    static final int MAX_FAILURES = 5;
    static final int MAX_UNKNOWN_FROM_ADDRESS = 20;
    private static final int MAX_NAME = 64;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final UserMapper users;

    public LoginLock(JdbcTemplate jdbc, AuditTrail audit, BusinessClock clock, UserMapper users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.users = users;
    }

    /**
     * A name's standing from an address: locked until (UTC, null when not), whether that address is blocked, and
     * whether failures are counted (so a success has something to clear).
     */
    public record Standing(LocalDateTime lockedUntil, boolean addressBlocked, boolean hasFailures) {
        static final Standing CLEAR = new Standing(null, false, false);
    }

    /** Two indexed reads per authentication: the API authenticates every request. */
    public Standing standing(String username, String address) {
        LocalDateTime now = clock.nowUtc();
        List<LocalDateTime> blocked = jdbc.query("SELECT blocked_until FROM login_throttle WHERE client_addr = ? "
                + "AND blocked_until > ?", (rs, i) -> rs.getObject(1, LocalDateTime.class), addr(address), now);
        if (!blocked.isEmpty()) {
            return new Standing(blocked.get(0), true, false);
        }
        List<Standing> rows = jdbc.query("SELECT locked_until FROM login_lock WHERE username = ? AND client_addr = ?",
                (rs, i) -> {
                    LocalDateTime until = rs.getObject(1, LocalDateTime.class);
                    return new Standing(until != null && until.isAfter(now) ? until : null, false, true);
                }, username, addr(address));
        return rows.isEmpty() ? Standing.CLEAR : rows.get(0);
    }

    /** "15:42" Beijing time, for the message shown to the user. */
    public static String beijingTime(LocalDateTime utc) {
        return BusinessClock.beijing(utc).format(HOUR_MINUTE);
    }

    /** A wrong password (or a name that does not exist) from {@code address}. */
    @Transactional
    public void failed(String username, String address) {
        String from = addr(address);
        if (username == null || username.isEmpty() || username.length() > MAX_NAME
                || users.findByUsername(username) == null) {
            unknownName(username == null ? "" : username, from, "用户名不存在");
            return;
        }
        LocalDateTime now = clock.nowUtc();
        jdbc.update("INSERT INTO login_lock (username, client_addr, failures, first_failure_at) SELECT ?, ?, 0, ? "
                + "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM login_lock WHERE username = ? AND client_addr = ?)",
                username, from, now, username, from);
        Map<String, Object> row = jdbc.queryForMap("SELECT failures, first_failure_at, locked_until FROM login_lock "
                + "WHERE username = ? AND client_addr = ? FOR UPDATE", username, from);
        LocalDateTime lockedUntil = (LocalDateTime) row.get("locked_until");
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return;
        }
        LocalDateTime first = (LocalDateTime) row.get("first_failure_at");
        int failures = ((Number) row.get("failures")).intValue();
        if (first.isBefore(now.minus(WINDOW)) || lockedUntil != null) {
            failures = 0;
            first = now;
        }
        failures++;
        if (failures == 1) {
            audit.refusal(username, "LOGIN_FAILED", "user", username, AuditTrail.FAILED,
                    "密码错误，来自 " + from + "（15 分钟内的后续失败计入锁定计数，锁定时再记录）");
        }
        if (failures >= MAX_FAILURES) {
            LocalDateTime until = now.plus(LOCK);
            jdbc.update("UPDATE login_lock SET failures = ?, first_failure_at = ?, locked_until = ? "
                    + "WHERE username = ? AND client_addr = ?", failures, first, until, username, from);
            audit.refusal(username, "ACCOUNT_LOCKED", "user", username, AuditTrail.DENIED,
                    "15 分钟内连续 " + failures + " 次登录失败（来自 " + from + "），该地址的登录锁定至 "
                            + beijingTime(until) + "（北京时间）");
        } else {
            jdbc.update("UPDATE login_lock SET failures = ?, first_failure_at = ?, locked_until = NULL "
                    + "WHERE username = ? AND client_addr = ?", failures, first, username, from);
        }
    }

    /** A bearer token that is malformed, unknown, expired or revoked: counted against the address, like a name. */
    @Transactional
    public void failedToken(String address) {
        unknownName(CurrentUser.ANONYMOUS, addr(address), "令牌无效、已过期或已吊销");
    }

    /** A name that does not exist (or a bad token): only the address is counted. */
    private void unknownName(String tried, String from, String why) {
        LocalDateTime now = clock.nowUtc();
        jdbc.update("INSERT INTO login_throttle (client_addr, failures, first_failure_at) SELECT ?, 0, ? FROM DUAL "
                + "WHERE NOT EXISTS (SELECT 1 FROM login_throttle WHERE client_addr = ?)", from, now, from);
        Map<String, Object> row = jdbc.queryForMap("SELECT failures, first_failure_at, blocked_until "
                + "FROM login_throttle WHERE client_addr = ? FOR UPDATE", from);
        LocalDateTime blockedUntil = (LocalDateTime) row.get("blocked_until");
        if (blockedUntil != null && blockedUntil.isAfter(now)) {
            return;
        }
        LocalDateTime first = (LocalDateTime) row.get("first_failure_at");
        int failures = ((Number) row.get("failures")).intValue();
        if (first.isBefore(now.minus(WINDOW)) || blockedUntil != null) {
            failures = 0;
            first = now;
        }
        failures++;
        String name = tried.length() > MAX_NAME ? tried.substring(0, MAX_NAME) : tried;
        if (failures == 1) {
            audit.refusal(name, "LOGIN_FAILED", "user", name, AuditTrail.FAILED,
                    why + "，来自 " + from + "（15 分钟内来自该地址的后续失败只计数）");
        }
        if (failures >= MAX_UNKNOWN_FROM_ADDRESS) {
            LocalDateTime until = now.plus(LOCK);
            jdbc.update("UPDATE login_throttle SET failures = ?, first_failure_at = ?, blocked_until = ? "
                    + "WHERE client_addr = ?", failures, first, until, from);
            audit.refusal(name, "LOGIN_THROTTLED", "address", from, AuditTrail.DENIED,
                    "15 分钟内来自 " + from + " 的 " + failures + " 次登录使用了不存在的用户名或无效的令牌，该地址的登录暂停至 "
                            + beijingTime(until) + "（北京时间）");
        } else {
            jdbc.update("UPDATE login_throttle SET failures = ?, first_failure_at = ?, blocked_until = NULL "
                    + "WHERE client_addr = ?", failures, first, from);
        }
    }

    @Transactional
    public void succeeded(String username, String address) {
        jdbc.update("DELETE FROM login_lock WHERE username = ? AND client_addr = ?", username, addr(address));
    }

    private static String addr(String address) {
        return address == null || address.isBlank() ? "unknown" : address.length() > 64 ? address.substring(0, 64)
                : address;
    }
}
