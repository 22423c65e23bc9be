package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;

/** Form login, and the lock: 5 wrong passwords in 15 minutes lock the account for 15 minutes, audited. */
@DatabaseTest
class LoginLockTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRightPasswordLogsInWithAnHttpOnlySameSiteSession() throws Exception {
        LoanUser u = fx.user(Role.ACCOUNTANT, null);
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
    }

    @Test
    void fourWrongPasswordsDoNotLockTheFifthDoesAndIsAudited() throws Exception {
        LoanUser u = fx.user(Role.REVIEWER, null);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(u.username()).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error&username=" + u.username()));
        }
        // the fourth miss leaves the account open: the right password still works (and clears the count)
        assertThat(jdbc.queryForObject("SELECT failures FROM login_lock WHERE username = ?", Integer.class,
                u.username())).isEqualTo(4);
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE username = ?", Integer.class,
                u.username())).isZero();

        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user(u.username()).password("wrong-" + i));
        }
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrlPattern("/login?locked=*"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' "
                + "AND target_id = ?", Integer.class, u.username())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'ACCOUNT_LOCKED' "
                + "AND target_id = ?", String.class, u.username())).contains("连续 5 次登录失败", "锁定至");
        // the API refuses the locked account too, and says why
        mvc.perform(get("/api/v1/projects").with(httpBasic(u.username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("账户已锁定")));
        // the login page shows the lock in Chinese and keeps the name typed
        mvc.perform(get("/login").param("locked", "15:42").param("username", u.username()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("账户已锁定至 15:42")));
    }

    @Test
    void theLockEndsAfterFifteenMinutes() throws Exception {
        LoanUser u = fx.user(Role.AUDITOR, null);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user(u.username()).password("wrong"));
        }
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrlPattern("/login?locked=*"));
        // fifteen minutes pass
        jdbc.update("UPDATE login_lock SET locked_until = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 SECOND), "
                + "first_failure_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 16 MINUTE) WHERE username = ?", u.username());
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() throws Exception {
        LoanUser u = fx.user(Role.ACCOUNTANT, null);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(u.username()).password("wrong"));
        }
        jdbc.update("UPDATE login_lock SET first_failure_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 16 MINUTE) "
                + "WHERE username = ?", u.username());
        mvc.perform(formLogin("/login").user(u.username()).password("wrong"));
        assertThat(jdbc.queryForObject("SELECT failures FROM login_lock WHERE username = ?", Integer.class,
                u.username())).isEqualTo(1);
        mvc.perform(formLogin("/login").user(u.username()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aHundredUnknownNamesLeaveNoLockRowsAFewAuditRowsAndBlockTheirAddress() throws Exception {
        String from = "203.0.113.77";
        for (int i = 0; i < 100; i++) {
            String name = "nobody-" + System.nanoTime() + "-" + i;
            mvc.perform(login(name, "guess", from));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE username LIKE 'nobody-%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle WHERE client_addr = ?", Integer.class,
                from)).isEqualTo(1);
        // one row for the first failure, one when the address is blocked: who, when, from where, result
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action IN ('LOGIN_FAILED', "
                + "'LOGIN_THROTTLED') AND detail LIKE ?", Integer.class, "%" + from + "%")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'LOGIN_THROTTLED' "
                + "AND target_id = ?", String.class, from)).contains("20 次", "不存在的用户名");
        // the blocked address cannot log in even with a real name and password; another address can
        LoanUser u = fx.user(Role.ACCOUNTANT, null);
        mvc.perform(login(u.username(), Fixtures.PASSWORD, from))
                .andExpect(redirectedUrlPattern("/login?locked=*"));
        mvc.perform(login(u.username(), Fixtures.PASSWORD, "198.51.100.5"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void guessingFromElsewhereDoesNotLockAColleagueOut() throws Exception {
        LoanUser colleague = fx.user(Role.REVIEWER, null);
        for (int i = 1; i <= 6; i++) {
            mvc.perform(login(colleague.username(), "wrong", "192.0.2.66"));
        }
        mvc.perform(login(colleague.username(), Fixtures.PASSWORD, "192.0.2.66"))
                .andExpect(redirectedUrlPattern("/login?locked=*"));
        // the colleague at their own desk still gets in
        mvc.perform(login(colleague.username(), Fixtures.PASSWORD, "10.1.2.3")).andExpect(redirectedUrl("/"));
        // six failures: the first and the lock are audited, with the address
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_id = ? AND action IN "
                + "('LOGIN_FAILED', 'ACCOUNT_LOCKED')", Integer.class, colleague.username())).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE target_id = ? AND action IN "
                + "('LOGIN_FAILED', 'ACCOUNT_LOCKED')", String.class, colleague.username()))
                .allSatisfy(d -> assertThat(d).contains("192.0.2.66"));
    }

    /** The login form posted from a client address. */
    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
