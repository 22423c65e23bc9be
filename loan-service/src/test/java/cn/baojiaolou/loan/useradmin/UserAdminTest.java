package cn.baojiaolou.loan.useradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** 用户管理: an admin creates a user whose one-time password allows nothing but choosing a password of their own. */
@DatabaseTest
class UserAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private JsonNode create(LoanUser admin, String login, String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    private MockHttpServletRequestBuilder changeOwn(String login, String current, String next) {
        return post("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}")
                .with(httpBasic(login, current));
    }

    @Test
    void aNewUserMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
        LoanUser admin = fx.user(Role.ADMIN, null);
        String login = "wang-" + Fixtures.code("u").toLowerCase();
        JsonNode created = create(admin, login, "{\"username\":\"" + login + "\",\"displayName\":\"王会计\","
                + "\"role\":\"ACCOUNTANT\",\"district\":null}");
        String oneTime = created.get("oneTimePassword").asString();
        assertThat(oneTime).hasSize(14);
        assertThat(created.at("/user/mustChangePassword").asBoolean()).isTrue();
        // the hash is stored, never the password, and the audit row names neither
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, login))
                .startsWith("$2").doesNotContain(oneTime);
        assertThat(jdbc.queryForObject("SELECT CONCAT(COALESCE(before_state,''), after_state) FROM audit_event "
                + "WHERE action = 'USER_CREATED' AND target_id = ?", String.class, login))
                .contains("王会计").doesNotContain(oneTime, "$2");

        // with the one-time password: everything but the change is refused, in Chinese
        mvc.perform(get("/api/v1/projects").with(httpBasic(login, oneTime)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.passwordChangeRequired"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请先修改一次性密码")));

        // the policy, each rule at its edge: 9 characters, the login inside, the current one again
        mvc.perform(changeOwn(login, oneTime, "Abcdefgh9")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("至少 10 个字符")));
        mvc.perform(changeOwn(login, oneTime, "x" + login.toUpperCase() + "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能包含登录名")));
        mvc.perform(changeOwn(login, oneTime, oneTime)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("最近 5 次")));
        mvc.perform(changeOwn(login, "wrong-" + oneTime, "Zhongshan#2023")).andExpect(status().isUnauthorized());

        // exactly 10 characters is enough
        mvc.perform(changeOwn(login, oneTime, "Xiang#2023")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/projects").with(httpBasic(login, "Xiang#2023"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND "
                + "username = ?", Long.class, login)).isEqualTo(1);

        // none of the last five comes back: four more changes, then the first of them again is refused
        String current = "Xiang#2023";
        String[] next = {"Lingling#01", "Lingling#02", "Lingling#03", "Lingling#04"};
        for (String n : next) {
            mvc.perform(changeOwn(login, current, n)).andExpect(status().isNoContent());
            current = n;
        }
        // Xiang#2023 is now the fifth before: refused; the one-time password is the sixth: allowed again
        mvc.perform(changeOwn(login, current, "Xiang#2023")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("最近 5 次")));
        mvc.perform(changeOwn(login, current, oneTime)).andExpect(status().isNoContent());
    }

    @Test
    void onlyAnAdminManagesUsersAndDisablingOrResettingWorksAndIsAudited() throws Exception {
        LoanUser admin = fx.user(Role.ADMIN, null);
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        String login = "li-" + Fixtures.code("u").toLowerCase();
        long usersBefore = fx.count("app_user");
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + login + "\",\"displayName\":\"李复核\",\"role\":\"REVIEWER\"}")
                        .with(httpBasic(accountant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        assertThat(fx.count("app_user")).isEqualTo(usersBefore);

        // a bad login, an unknown district and a taken login: 4xx in Chinese, nothing written
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"1bad\",\"displayName\":\"某\",\"role\":\"REVIEWER\"}")
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + login + "\",\"displayName\":\"李复核\",\"role\":\"REVIEWER\","
                                + "\"district\":\"没有这个区\"}")
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().is4xxClientError());
        assertThat(fx.count("app_user")).isEqualTo(usersBefore);
        JsonNode created = create(admin, login, "{\"username\":\"" + login + "\",\"displayName\":\"李复核\","
                + "\"role\":\"REVIEWER\"}");
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + login + "\",\"displayName\":\"另一人\",\"role\":\"AUDITOR\"}")
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("user.exists"));

        // disabled: the password no longer signs in; an admin cannot disable themself
        mvc.perform(post("/api/v1/users/" + login + "/disable").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/projects").with(httpBasic(login, created.get("oneTimePassword").asString())))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/" + admin.username() + "/disable")
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("user.notYourself"));

        // enabled again and reset: the old one-time password is void, the new one must be changed
        mvc.perform(post("/api/v1/users/" + login + "/enable").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        String reset = json.readTree(mvc.perform(post("/api/v1/users/" + login + "/password-reset")
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("oneTimePassword").asString();
        mvc.perform(get("/api/v1/projects").with(httpBasic(login, created.get("oneTimePassword").asString())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/projects").with(httpBasic(login, reset)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.passwordChangeRequired"));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'user' AND target_id = ? "
                + "AND action LIKE 'USER_%' OR (action = 'PASSWORD_RESET' AND target_id = ?) ORDER BY id",
                String.class, login, login))
                .containsExactly("USER_CREATED", "USER_DISABLED", "USER_ENABLED", "PASSWORD_RESET");
    }

    @Test
    void theFirstPageLoginLeadsToThePasswordPageUntilChanged() throws Exception {
        LoanUser admin = fx.user(Role.ADMIN, null);
        String login = "zhao-" + Fixtures.code("u").toLowerCase();
        // created through the admin page: the one-time password is shown once, on the page that follows
        var flash = mvc.perform(post("/users").param("username", login).param("displayName", "赵审计")
                        .param("role", "AUDITOR").param("district", "").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/users")).andReturn().getFlashMap();
        String oneTime = (String) flash.get("oneTimePassword");
        assertThat(oneTime).hasSize(14);
        assertThat((String) flash.get("oneTimeUser")).isEqualTo("赵审计（" + login + "）");

        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", login)
                        .param("password", oneTime).with(csrf()))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/projects").session(session)).andExpect(redirectedUrl("/me/password"));
        String form = mvc.perform(get("/me/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"must-change\"", "至少 10 个字符");

        // two different new passwords: the message beside the field, nothing changed
        String refused = mvc.perform(post("/me/password").session(session).param("currentPassword", oneTime)
                        .param("newPassword", "Yongzhou#2023").param("repeatPassword", "Yongzhou#2024").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("两次输入的新密码不一致").doesNotContain(oneTime);
        mvc.perform(post("/me/password").session(session).param("currentPassword", oneTime)
                        .param("newPassword", "Yongzhou#2023").param("repeatPassword", "Yongzhou#2023").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/projects").session(session)).andExpect(status().isOk());
    }
}
