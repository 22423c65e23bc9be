package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;

/** Every page for every role: the page itself (200), a 403 that is audited, or a redirect to the login form. */
@DatabaseTest
class PageAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.Ready here;

    @BeforeEach
    void project() {
        here = fx.ready(new BigDecimal("1000000.00"));
    }

    /** page → the roles that may open it (everyone signed in when empty). */
    private Map<String, List<Role>> pages() {
        return Map.ofEntries(
                Map.entry("/", List.of()),
                Map.entry("/projects", List.of()),
                Map.entry("/projects/" + here.code(), List.of()),
                Map.entry("/projects/new", List.of(Role.ACCOUNTANT)),
                Map.entry("/projects/" + here.code() + "/edit", List.of(Role.ACCOUNTANT)),
                Map.entry("/projects/" + here.code() + "/setup", List.of()),
                Map.entry("/disbursements/new?project=" + here.code(), List.of(Role.ACCOUNTANT)),
                Map.entry("/projects/" + here.code() + "/repayments/new", List.of(Role.ACCOUNTANT)),
                Map.entry("/facilities", List.of()),
                Map.entry("/statements", List.of(Role.ACCOUNTANT)),
                Map.entry("/statements/held", List.of(Role.ACCOUNTANT)),
                Map.entry("/statements/mapping", List.of(Role.ACCOUNTANT)),
                Map.entry("/court-actions", List.of(Role.ACCOUNTANT, Role.REVIEWER, Role.AUDITOR)),
                Map.entry("/onboarding", List.of(Role.ACCOUNTANT)),
                Map.entry("/review", List.of(Role.REVIEWER)),
                Map.entry("/exceptions", List.of(Role.REVIEWER, Role.AUDITOR)),
                Map.entry("/reports", List.of(Role.ACCOUNTANT, Role.REVIEWER, Role.AUDITOR)),
                Map.entry("/audit", List.of(Role.AUDITOR, Role.ADMIN)),
                Map.entry("/batch-runs", List.of(Role.ADMIN)));
    }

    @Test
    void eachRoleGetsItsPagesAndA403ElsewhereAndEveryRefusalIsAudited() throws Exception {
        for (Role role : Role.PEOPLE) {
            LoanUser u = fx.user(role, null);
            for (Map.Entry<String, List<Role>> page : pages().entrySet()) {
                boolean allowed = page.getValue().isEmpty() || page.getValue().contains(role);
                MvcResult r = mvc.perform(get(page.getKey()).with(user(u))).andReturn();
                assertThat(r.getResponse().getStatus()).as(role + " " + page.getKey())
                        .isEqualTo(allowed ? 200 : 403);
                if (allowed) {
                    assertThat(r.getResponse().getContentType()).startsWith("text/html");
                    // the Chinese menu follows the role
                    assertThat(r.getResponse().getContentAsString()).contains("保交楼专项借款资金监管台账", "退出");
                }
            }
            long refusals = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? "
                    + "AND action = 'ACCESS_DENIED' AND target_type = 'page'", Long.class, u.username());
            assertThat(refusals).as(role.name()).isEqualTo(pages().values().stream()
                    .filter(roles -> !roles.isEmpty() && !roles.contains(role)).count());
        }
    }

    @Test
    void withoutLoginEveryPageRedirectsToTheLoginForm() throws Exception {
        for (String page : pages().keySet()) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void theMenuShowsOnlyWhatTheRoleMayOpen() throws Exception {
        String accountant = mvc.perform(get("/").with(user(fx.user(Role.ACCOUNTANT, null))))
                .andReturn().getResponse().getContentAsString();
        assertThat(accountant).contains("id=\"menu-request\"", "id=\"menu-reports\"")
                .doesNotContain("id=\"menu-review\"", "id=\"menu-audit\"", "id=\"menu-batch\"");
        String admin = mvc.perform(get("/").with(user(fx.user(Role.ADMIN, null))))
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("id=\"menu-audit\"", "id=\"menu-batch\"")
                .doesNotContain("id=\"menu-request\"", "id=\"menu-reports\"");
    }

    @Test
    void theFaviconIsServedWithoutALogin() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        // an ICO file: reserved 0, type 1 (icon)
        assertThat(icon).hasSizeGreaterThan(22).startsWith(0, 0, 1, 0);
    }

    @Test
    void theDashboardSaysWhichNightlyCloseItsExceptionsComeFrom() throws Exception {
        java.time.LocalDate last = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day",
                java.time.LocalDate.class);
        String page = mvc.perform(get("/").with(user(fx.user(Role.ACCOUNTANT, null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"last-close\"");
        if (last == null) {
            assertThat(page).contains("尚未进行日终对账");
        } else {
            // the test data's closes are years behind the business date: the page warns that they are stale
            assertThat(page).contains("最近一次日终对账是 " + last, "alert-warning");
        }
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        mvc.perform(post("/exceptions/1/resolution").param("status", "RESOLVED").param("note", "x")
                .with(user(reviewer))).andExpect(status().isForbidden());
        mvc.perform(post("/exceptions/999999999/resolution").param("status", "RESOLVED").param("note", "已核实")
                .with(user(reviewer)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void englishOnRequestAndChineseOtherwise() throws Exception {
        LoanUser u = fx.user(Role.AUDITOR, null);
        assertThat(mvc.perform(get("/projects").with(user(u))).andReturn().getResponse().getContentAsString())
                .contains("项目编号");
        assertThat(mvc.perform(get("/projects?lang=en").with(user(u))).andReturn().getResponse()
                .getContentAsString()).contains("Project code or name");
    }
}
