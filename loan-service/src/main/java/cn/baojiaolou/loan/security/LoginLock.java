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

/**
 * Five failed logins for a user name within 15 minutes lock it for 15 minutes, for the pages and the API alike.
 * The lock is audited (ACCOUNT_LOCKED). Counted in the database, under a row lock, so two servers or two racing
 * attempts cannot both slip under the limit.
 */
@Component
public class LoginLock {

    static final int MAX_FAILURES = 5;
    private static final int MAX_NAME = 64;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public LoginLock(JdbcTemplate jdbc, AuditTrail audit, BusinessClock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A name's standing: locked until (UTC, null when not locked), and whether failures are counted. */
    public record Standing(LocalDateTime lockedUntil, boolean hasFailures) {
        static final Standing CLEAR = new Standing(null, false);
    }

    /** One indexed read per authentication: the API authenticates every request. */
    public Standing standing(String username) {
        List<Standing> rows = jdbc.query("SELECT locked_until FROM login_lock WHERE username = ?",
                (rs, i) -> {
                    LocalDateTime until = rs.getObject(1, LocalDateTime.class);
                    return new Standing(until != null && until.isAfter(clock.nowUtc()) ? until : null, true);
                }, username);
        return rows.isEmpty() ? Standing.CLEAR : rows.get(0);
    }

    /** "15:42" Beijing time, for the message shown to the user. */
    public static String beijingTime(LocalDateTime utc) {
        return BusinessClock.beijing(utc).format(HOUR_MINUTE);
    }

    @Transactional
    public void failed(String username) {
        if (username == null || username.isEmpty() || username.length() > MAX_NAME) {
            return; // no account has such a name (app_user.username is at most 64): nothing to lock
        }
        LocalDateTime now = clock.nowUtc();
        jdbc.update("INSERT INTO login_lock (username, failures, first_failure_at) SELECT ?, 0, ? FROM DUAL "
                + "WHERE NOT EXISTS (SELECT 1 FROM login_lock WHERE username = ?)", username, now, username);
        Map<String, Object> row = jdbc.queryForMap("SELECT failures, first_failure_at, locked_until FROM login_lock "
                + "WHERE username = ? FOR UPDATE", username);
        LocalDateTime lockedUntil = (LocalDateTime) row.get("locked_until");
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return;
        }
        LocalDateTime first = (LocalDateTime) row.get("first_failure_at");
        int failures = ((Number) row.get("failures")).intValue();
        if (first.isBefore(now.minus(WINDOW))) {
            failures = 0;
            first = now;
        }
        failures++;
        if (failures >= MAX_FAILURES) {
            LocalDateTime until = now.plus(LOCK);
            jdbc.update("UPDATE login_lock SET failures = 0, first_failure_at = ?, locked_until = ? WHERE username = ?",
                    now, until, username);
            audit.refusal(username, "ACCOUNT_LOCKED", "user", username, AuditTrail.DENIED,
                    "15 分钟内连续 " + MAX_FAILURES + " 次登录失败，锁定至 " + beijingTime(until) + "（北京时间）");
        } else {
            jdbc.update("UPDATE login_lock SET failures = ?, first_failure_at = ?, locked_until = NULL "
                    + "WHERE username = ?", failures, first, username);
        }
    }

    @Transactional
    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_lock WHERE username = ?", username);
    }
}
