package cn.baojiaolou.loan.reconciliation;

import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reading exceptions by business date within scope, and a reviewer resolving one with an audited note. */
@DatabaseTest
class ReconExceptionApiTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectMapper projects;

    Fixtures.Ready here;
    Fixtures.Ready there;
    long serious;
    long warning;
    long elsewhere;
    long closed;

    @BeforeEach
    void exceptions() {
        here = fx.ready(new BigDecimal("1000000.00"));
        there = fx.ready(new BigDecimal("1000000.00"));
        Project p = projects.findByCode(here.code());
        Project q = projects.findByCode(there.code());
        warning = insert("MILESTONE_OVERDUE", "WARNING", "milestone:" + here.milestones().get(1).id(), p,
                "2024-03-01", "2024-03-31", "OPEN", null);
        serious = insert("OVER_PROGRESS", "SERIOUS", "project:" + p.id(), p, "2024-03-10", "2024-03-31", "OPEN", null);
        elsewhere = insert("OVER_PROGRESS", "SERIOUS", "project:" + q.id(), q, "2024-03-10", "2024-03-31", "OPEN",
                null);
        closed = insert("IDLE_FUNDS", "WARNING", "project:" + p.id(), p, "2024-01-01", "2024-02-01", "CLOSED",
                "2024-02-02");
    }

    @Test
    void theExceptionsOfABusinessDateComeSeriousFirstWithTheirRows() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        api.get(auditor, "/api/v1/exceptions?businessDate=2024-03-15&project=" + here.code())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value(serious))
                .andExpect(jsonPath("$[0].projectCode").value(here.code()))
                .andExpect(jsonPath("$[0].refs").value(containsString("disbursementIds")))
                .andExpect(jsonPath("$[1].id").value(warning));
        // on 2024-01-15 only the idle-funds one held
        api.get(auditor, "/api/v1/exceptions?businessDate=2024-01-15&project=" + here.code())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(closed));
        api.get(auditor, "/api/v1/exceptions?rule=OVER_PROGRESS&status=OPEN&district=" + here.district().code())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(serious));
    }

    @Test
    void aDistrictUserSeesOnlyTheirDistrictsExceptions() throws Exception {
        LoanUser local = fx.user(Role.REVIEWER, here.district().id());
        api.get(local, "/api/v1/exceptions?businessDate=2024-03-15&rule=OVER_PROGRESS")
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(serious));
        api.get(local, "/api/v1/exceptions?district=" + there.district().code())
                .andExpect(jsonPath("$", hasSize(0)));
        api.post(local, "/api/v1/exceptions/" + elsewhere + "/resolution", "{\"status\":\"WAIVED\",\"note\":\"已核实\"}")
                .andExpect(status().isNotFound());
        assertThat(statusOf(elsewhere)).isEqualTo("OPEN");
    }

    @Test
    void aReviewerResolvesAnOpenExceptionWithANoteAndItIsAudited() throws Exception {
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        long auditRows = fx.count("audit_event");
        api.post(reviewer, "/api/v1/exceptions/" + serious + "/resolution",
                        "{\"status\":\"RESOLVED\",\"note\":\"监理补充核验报告 JL-2024-031，已整改\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value(reviewer.username()))
                .andExpect(jsonPath("$.resolutionNote").value("监理补充核验报告 JL-2024-031，已整改"));
        assertThat(fx.count("audit_event")).isEqualTo(auditRows + 1);
        Map<String, Object> audit = jdbc.queryForMap("SELECT username, action, target_id, before_state, after_state "
                + "FROM audit_event ORDER BY id DESC LIMIT 1");
        assertThat(audit.get("username")).isEqualTo(reviewer.username());
        assertThat(audit.get("action")).isEqualTo("EXCEPTION_RESOLVED");
        assertThat(audit.get("target_id")).isEqualTo(String.valueOf(serious));
        assertThat((String) audit.get("before_state")).contains("\"status\":\"OPEN\"");
        assertThat((String) audit.get("after_state")).contains("已整改");
        // only once: it is no longer open
        api.post(reviewer, "/api/v1/exceptions/" + serious + "/resolution", "{\"status\":\"WAIVED\",\"note\":\"再次\"}")
                .andExpect(status().isConflict());
        api.post(reviewer, "/api/v1/exceptions/" + closed + "/resolution", "{\"status\":\"WAIVED\",\"note\":\"x\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void badResolutionsAreRefusedAndWriteNothing() throws Exception {
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        long auditRows = fx.count("audit_event");
        api.post(reviewer, "/api/v1/exceptions/" + warning + "/resolution", "{\"status\":\"DELETED\",\"note\":\"x\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("status"));
        api.post(reviewer, "/api/v1/exceptions/" + warning + "/resolution", "{\"status\":\"WAIVED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        api.post(reviewer, "/api/v1/exceptions/" + warning + "/resolution",
                "{\"status\":\"WAIVED\",\"note\":\"<script>alert(1)</script>\"}").andExpect(status().isBadRequest());
        api.post(reviewer, "/api/v1/exceptions/999999999/resolution", "{\"status\":\"WAIVED\",\"note\":\"x\"}")
                .andExpect(status().isNotFound());
        assertThat(statusOf(warning)).isEqualTo("OPEN");
        assertThat(fx.count("audit_event")).isEqualTo(auditRows);
    }

    @Test
    void onlyReviewersResolve() throws Exception {
        for (Role role : new Role[]{Role.ACCOUNTANT, Role.AUDITOR, Role.ADMIN}) {
            api.post(fx.user(role, null), "/api/v1/exceptions/" + warning + "/resolution",
                    "{\"status\":\"WAIVED\",\"note\":\"x\"}").andExpect(status().isForbidden());
        }
        assertThat(statusOf(warning)).isEqualTo("OPEN");
    }

    @Test
    void aPeriodShowsItsWholeHistoryClearedAndResolvedIncludedWithTheNoteAndWho() throws Exception {
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        api.post(reviewer, "/api/v1/exceptions/" + serious + "/resolution",
                "{\"status\":\"RESOLVED\",\"note\":\"已补充监理报告\"}").andExpect(status().isOk());
        String district = jdbc.queryForObject("SELECT code FROM district WHERE id = ?", String.class,
                here.district().id());

        // a day shows what is still open: neither the resolved nor the closed one
        String today = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/exceptions").param("district", district).with(org.springframework.security.test.web
                                .servlet.request.SecurityMockMvcRequestPostProcessors.user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(today).contains("id=\"exception-" + warning + "\"")
                .doesNotContain("id=\"exception-" + serious + "\"", "id=\"exception-" + closed + "\"");

        // the first quarter of 2024: all three, the closed one with its date, the resolved one with note and 姓名
        String quarter = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/exceptions").param("district", district).param("from", "2024-01-01")
                        .param("to", "2024-03-31").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(quarter).contains("id=\"exception-" + warning + "\"", "id=\"exception-" + serious + "\"",
                "id=\"exception-" + closed + "\"", "2024-02-02 自动关闭", "测试REVIEWER 于 ", "：已补充监理报告",
                "<option value=\"ALL\" selected=\"selected\">全部状态</option>");
        // February only: the closed one (seen to 2024-02-01) and nothing of March
        String february = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/exceptions").param("district", district).param("from", "2024-02-01")
                        .param("to", "2024-02-29").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(february).contains("id=\"exception-" + closed + "\"")
                .doesNotContain("id=\"exception-" + warning + "\"", "id=\"exception-" + serious + "\"");
        // a period that ends before it starts is refused in Chinese
        String backwards = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/exceptions").param("from", "2024-03-31").param("to", "2024-01-01")
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(backwards).contains("期间起 2024-03-31 晚于期间止 2024-01-01");
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM recon_exception WHERE id = ?", String.class, id);
    }

    private long insert(String rule, String severity, String subject, Project p, String first, String last,
                        String status, String closedOn) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO recon_exception (rule_code, severity, subject_key, "
                    + "active_key, project_id, district_id, amount, first_seen, last_seen, status, closed_on, detail, "
                    + "refs) VALUES (?, ?, ?, ?, ?, ?, 100.00, ?, ?, ?, ?, '测试', ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, rule);
            ps.setString(2, severity);
            ps.setString(3, subject);
            ps.setString(4, closedOn == null ? rule + "|" + subject : null);
            ps.setLong(5, p.id());
            ps.setLong(6, p.districtId());
            ps.setDate(7, Date.valueOf(LocalDate.parse(first)));
            ps.setDate(8, Date.valueOf(LocalDate.parse(last)));
            ps.setString(9, status);
            ps.setDate(10, closedOn == null ? null : Date.valueOf(LocalDate.parse(closedOn)));
            ps.setString(11, "{\"disbursementIds\":[1],\"bankLineIds\":[],\"milestoneIds\":[],\"ledgerEntryIds\":[]}");
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
