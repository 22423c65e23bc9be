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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

    @Test
    void theListPagesByFiftySortsByAmountAndExportsEveryRowWithLabels() throws Exception {
        Fixtures.Ready own = fx.ready(new BigDecimal("1000000.00"));
        Project p = projects.findByCode(own.code());
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 53; i++) {
            long id = insert(i % 10 == 0 ? "OVER_PROGRESS" : "IDLE_FUNDS", i % 10 == 0 ? "SERIOUS" : "WARNING",
                    "project:" + p.id() + ":" + i, p, "2024-03-01", "2024-03-31", "OPEN", null);
            // amounts 1.00 … 53.00, with row 7 the largest (5,300.01) to show the order is by amount, not by id
            jdbc.update("UPDATE recon_exception SET amount = ? WHERE id = ?",
                    i == 7 ? new BigDecimal("5300.01") : new BigDecimal(i + 1 + ".00"), id);
            ids.add(id);
        }
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        String district = own.district().code();
        String first = page(reviewer, "district", district, "businessDate", "2024-03-15");
        // SERIOUS first (the six OVER_PROGRESS), then by id; 50 shown, the next page starts after the 50th
        assertThat(count(first, "<tr id=\"exception-")).isEqualTo(50);
        assertThat(first.indexOf("exception-" + ids.get(50) + "\"")).isPositive()
                .isLessThan(first.indexOf("exception-" + ids.get(1) + "\""));
        assertThat(first).contains("id=\"exceptions-next\"").doesNotContain("id=\"exceptions-first\"");
        String next = first.replaceAll("(?s).*id=\"exceptions-next\"\\s+href=\"[^\"]*after=(\\d+)\".*", "$1");
        String second = page(reviewer, "district", district, "businessDate", "2024-03-15", "after", next);
        assertThat(count(second, "<tr id=\"exception-")).isEqualTo(3);
        assertThat(second).contains("id=\"exceptions-first\"").doesNotContain("id=\"exceptions-next\"");

        String byAmount = page(reviewer, "district", district, "businessDate", "2024-03-15", "sort", "AMOUNT_DESC");
        assertThat(byAmount.indexOf("5,300.01")).isPositive().isLessThan(byAmount.indexOf(">53.00<"));
        assertThat(byAmount.indexOf(">53.00<")).isLessThan(byAmount.indexOf(">52.00<"));

        byte[] xlsx = api.mvc().perform(get("/exceptions/exceptions.xlsx").param("district", district)
                        .param("businessDate", "2024-03-15").param("sort", "AMOUNT_DESC")
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("对账异常清单");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("某日仍存在：2024-03-15", "状态：待处理", "金额从大到小");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 53);
            var top = sheet.getRow(3);
            assertThat((long) top.getCell(0).getNumericCellValue()).isEqualTo(ids.get(7));
            assertThat(new BigDecimal(String.valueOf(top.getCell(6).getNumericCellValue())))
                    .isEqualByComparingTo("5300.01");
            assertThat(top.getCell(1).getStringCellValue()).isEqualTo("资金闲置/疑似表演式复工");
            assertThat(top.getCell(2).getStringCellValue()).isEqualTo("警告");
            assertThat(top.getCell(4).getStringCellValue()).isEqualTo(own.code());
            assertThat(top.getCell(9).getStringCellValue()).isEqualTo("待处理");
            assertThat(new BigDecimal(String.valueOf(sheet.getRow(55).getCell(6).getNumericCellValue())))
                    .isEqualByComparingTo("1.00");
        }
    }

    private String page(LoanUser u, String... params) throws Exception {
        var request = get("/exceptions");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return api.mvc().perform(request.with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(u)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
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
