package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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
}
