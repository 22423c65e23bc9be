package cn.baojiaolou.loan.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** API tokens: made once and shown once, stored as SHA-256, expiring, revocable, audited; Bearer instead of BCrypt. */
@DatabaseTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private JsonNode create(LoanUser user, String name, LocalDate expiresOn) throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"expiresOn\":\"" + expiresOn + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    @Test
    void aTokenIsShownOnceStoredAsItsHashAndSignsInWithoutAPassword() throws Exception {
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        JsonNode issued = create(accountant, "对账接口", TODAY.plusDays(30));
        String token = issued.get("token").asString();
        long id = issued.get("id").asLong();
        assertThat(token).startsWith("bjl_").hasSize(47);

        // the database holds the SHA-256, never the secret; neither does the audit trail
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class, id))
                .isEqualTo(ApiTokenSecret.hash(token)).hasSize(64);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE after_state LIKE ? OR detail LIKE ?",
                Integer.class, "%" + token + "%", "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKEN_CREATED' "
                + "AND target_id = ? AND username = ?", Integer.class, String.valueOf(id), accountant.username()))
                .isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            mvc.perform(bearer(get("/api/v1/projects"), token)).andExpect(status().isOk());
        }
        // the first use is audited once, however often it is used
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKEN_FIRST_USED' "
                + "AND target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);

        // the list never shows the secret; it shows the hint, the expiry and the first use (Beijing time)
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic(accountant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].name").value("对账接口"))
                .andExpect(jsonPath("$[0].hint").value(token.substring(0, 8)))
                .andExpect(jsonPath("$[0].expiresOn").value(TODAY.plusDays(30).toString()))
                .andExpect(jsonPath("$[0].firstUsedAt").value(org.hamcrest.Matchers.endsWith("+08:00")))
                .andExpect(jsonPath("$[0].token").doesNotExist());
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedWithAProblemInChinese() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String revoked = create(auditor, "报表同步", TODAY).get("token").asString();
        long revokedId = jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", Long.class,
                ApiTokenSecret.hash(revoked));
        // valid through its expiry date, today included
        mvc.perform(bearer(get("/api/v1/projects"), revoked)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/me/tokens/{id}", revokedId).with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/projects"), revoked))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.code").value("auth.tokenInvalid"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("令牌无效")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKEN_REVOKED' "
                + "AND target_id = ?", Integer.class, String.valueOf(revokedId))).isEqualTo(1);
        // revoking again changes nothing and audits nothing new
        mvc.perform(delete("/api/v1/me/tokens/{id}", revokedId).with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKEN_REVOKED' "
                + "AND target_id = ?", Integer.class, String.valueOf(revokedId))).isEqualTo(1);

        String expired = create(auditor, "昨日到期", TODAY).get("token").asString();
        jdbc.update("UPDATE api_token SET expires_on = ? WHERE token_hash = ?", TODAY.minusDays(1),
                ApiTokenSecret.hash(expired));
        mvc.perform(bearer(get("/api/v1/projects"), expired)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.tokenInvalid"));
        // a made-up token, and one of the right shape: refused the same way, never passed on to another way in
        mvc.perform(bearer(get("/api/v1/projects"), "xyz")).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get("/api/v1/projects"), "bjl_" + "A".repeat(43))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.tokenInvalid"));
    }

    @Test
    void theExpiryIsTodayToAYearAndNoTokenMakesTokens() throws Exception {
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        long before = fx.count("api_token");
        for (LocalDate bad : new LocalDate[] {TODAY.minusDays(1), TODAY.plusDays(366)}) {
            mvc.perform(post("/api/v1/me/tokens").with(httpBasic(reviewer.username(), Fixtures.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"x\",\"expiresOn\":\"" + bad + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(bad.isBefore(TODAY) ? "token.expiresOnPast"
                            : "token.expiresOnTooFar"));
        }
        assertThat(fx.count("api_token")).isEqualTo(before);
        String token = create(reviewer, "一年", TODAY.plusDays(365)).get("token").asString();
        mvc.perform(bearer(post("/api/v1/me/tokens"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"再造一个\",\"expiresOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("token.byToken"));
        assertThat(fx.count("api_token")).isEqualTo(before + 1);
    }

    @Test
    void nobodyRevokesAnotherUsersToken() throws Exception {
        LoanUser owner = fx.user(Role.ACCOUNTANT, null);
        LoanUser other = fx.user(Role.ACCOUNTANT, null);
        JsonNode issued = create(owner, "mine", TODAY.plusDays(1));
        mvc.perform(delete("/api/v1/me/tokens/{id}", issued.get("id").asLong())
                        .with(httpBasic(other.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("token.unknown"));
        mvc.perform(bearer(get("/api/v1/projects"), issued.get("token").asString())).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/me/tokens/1.5").with(httpBasic(other.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAdminMakesTokensForSystemAccountsOnlyAndTheyCannotUseAPassword() throws Exception {
        LoanUser admin = fx.user(Role.ADMIN, null);
        LoanUser feed = fx.serviceAccount(Role.ACCOUNTANT, null);
        LoanUser person = fx.user(Role.ACCOUNTANT, null);
        String body = mvc.perform(post("/api/v1/service-accounts/{u}/tokens", feed.username())
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"银行流水\",\"expiresOn\":\"" + TODAY.plusDays(90) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(body).get("token").asString();
        // the system account posts with its token: a district-scoped money write, the same rules as a person
        Fixtures.Ready r = fx.ready(Fixtures.yuan("100000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(r.project(), r.payee(), r.restart(), Fixtures.yuan("20000.00"), LocalDate.of(2023, 2, 15));
        mvc.perform(bearer(post("/api/v1/projects/{p}/repayments", r.code()), token)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":\"1000.00\",\"valueDate\":\"2023-03-01\",\"voucherNo\":\""
                                + Fixtures.code("HK") + "\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action LIKE "
                + "'%REPAYMENT%'", Integer.class, feed.username())).isEqualTo(1);

        mvc.perform(post("/api/v1/service-accounts/{u}/tokens", person.username())
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"expiresOn\":\"" + TODAY + "\"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value("token.notServiceAccount"));
        mvc.perform(post("/api/v1/service-accounts/{u}/tokens", feed.username())
                        .with(httpBasic(person.username(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"expiresOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isForbidden());
        // a system account has no password to sign in with
        mvc.perform(get("/api/v1/projects").with(httpBasic(feed.username(), "-")))
                .andExpect(status().isUnauthorized());
        // the admin lists and revokes it
        mvc.perform(get("/api/v1/service-accounts/{u}/tokens", feed.username())
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].createdBy").value(admin.username()));
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(delete("/api/v1/service-accounts/{u}/tokens/{id}", feed.username(), id)
                        .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/projects"), token)).andExpect(status().isUnauthorized());
    }
}
