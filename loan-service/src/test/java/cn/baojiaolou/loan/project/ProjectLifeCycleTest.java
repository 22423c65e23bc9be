package cn.baojiaolou.loan.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * 停工 → 复工 → 竣工 → 交付 → 销号 over the API: one step at a time, dated, with its document and who recorded it;
 * 销号 refused with every blocker listed (one yuan unpaid included) until nothing is left, and nothing written by a
 * refusal; the status history; 化解率 of the summary as of a date reads the status on that date.
 */
@DatabaseTest
class ProjectLifeCycleTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisbursementService disbursements;
    @Autowired
    BusinessClock clock;

    Fixtures.Ready here;
    LoanUser accountant;

    @BeforeEach
    void setUp() {
        here = fx.ready(new BigDecimal("1000000.00"));
        accountant = fx.user(Role.ACCOUNTANT, here.district().id());
    }

    private org.springframework.test.web.servlet.ResultActions change(LoanUser user, String status, String on,
                                                                       String doc) throws Exception {
        return api.post(user, "/api/v1/projects/" + here.code() + "/status",
                "{\"status\":\"" + status + "\",\"effectiveOn\":\"" + on + "\",\"documentRef\":\"" + doc
                        + "\",\"note\":\"按文件变更\"}");
    }

    private String statusNow() {
        return jdbc.queryForObject("SELECT status FROM project WHERE code = ?", String.class, here.code());
    }

    private int changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM project_status_change sc JOIN project p ON p.id = "
                + "sc.project_id WHERE p.code = ?", Integer.class, here.code());
    }

    @Test
    void aProjectGoesThroughItsLifeCycleAndIsClosedOutOnlyWhenNothingIsLeft() throws Exception {
        change(accountant, "COMPLETED", "2024-03-05", "竣工验收备案 JG-2024-01").andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromStatus").value("RESUMED"))
                .andExpect(jsonPath("$.toStatus").value("COMPLETED"))
                .andExpect(jsonPath("$.effectiveOn").value("2024-03-05"))
                .andExpect(jsonPath("$.documentRef").value("竣工验收备案 JG-2024-01"))
                .andExpect(jsonPath("$.createdBy").value(accountant.username()))
                .andExpect(jsonPath("$.createdByName").value("测试ACCOUNTANT"));
        change(accountant, "DELIVERED", "2024-06-30", "交付证明 JF-2024-01").andExpect(status().isCreated());

        // nothing done yet: every blocker at once, and nothing written
        long audits = fx.count("audit_event");
        change(accountant, "CLOSED", "2024-07-10", "销号批复 XH-1").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("closeOut.blocked"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("deliveredUnits"))
                .andExpect(jsonPath("$.errors[0].message").value("尚有 500 套房屋未交付（共 500 套）"))
                .andExpect(jsonPath("$.errors[1].field").value("allocated"))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("分配额度尚有 1,000,000.00 元未拨付（分配共 1,000,000.00 元）"))
                .andExpect(jsonPath("$.errors[2].field").value("milestones"))
                .andExpect(jsonPath("$.errors[2].message").value("尚有 4 个工程节点未核验，额度未释放"))
                .andExpect(jsonPath("$.detail").value(containsString("尚不能销号：尚有 500 套房屋未交付")));
        assertThat(statusNow()).isEqualTo("DELIVERED");
        assertThat(changes()).isEqualTo(3);
        assertThat(fx.count("audit_event")).isEqualTo(audits);

        // every milestone verified, 500 homes delivered, and all but one yuan paid
        List<Milestone> ms = here.milestones();
        fx.verify(here.code(), ms.get(0), LocalDate.of(2023, 3, 1));
        fx.verify(here.code(), ms.get(1), LocalDate.of(2023, 9, 1));
        fx.verify(here.code(), ms.get(2), LocalDate.of(2024, 3, 1));
        Milestone last = fx.verify(here.code(), ms.get(3), LocalDate.of(2024, 6, 30), 500);
        fx.paid(here.code(), here.payee(), last, new BigDecimal("999999.00"), LocalDate.of(2024, 7, 1));
        Disbursement lastYuan = fx.approved(here.code(), here.payee(), last, new BigDecimal("1.00"));
        jdbc.update("INSERT INTO recon_exception (rule_code, severity, subject_key, active_key, project_id, first_seen,"
                + " last_seen, status, detail) SELECT 'OVER_PROGRESS', 'SERIOUS', 'P', CONCAT('OVER_PROGRESS|', id), id,"
                + " '2024-07-01', '2024-07-01', 'OPEN', '测试' FROM project WHERE code = ?", here.code());
        change(accountant, "CLOSED", "2024-07-10", "销号批复 XH-1").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].message").value("分配额度尚有 1.00 元未拨付（分配共 1,000,000.00 元）"))
                .andExpect(jsonPath("$.errors[1].field").value("disbursements"))
                .andExpect(jsonPath("$.errors[1].message").value("尚有 1 笔拨付申请未支付或未驳回"))
                .andExpect(jsonPath("$.errors[2].field").value("exceptions"))
                .andExpect(jsonPath("$.errors[2].message").value("尚有 1 条严重异常未处理"));

        // the last yuan paid, the exception resolved: 销号
        fx.as(fx.cityUser(Role.ACCOUNTANT), () -> disbursements.pay(lastYuan.id(), LocalDate.of(2024, 7, 2),
                "PAY-LAST-" + here.code()));
        jdbc.update("UPDATE recon_exception SET status = 'RESOLVED', active_key = NULL WHERE subject_key = 'P' AND "
                + "project_id = (SELECT id FROM project WHERE code = ?)", here.code());
        change(accountant, "CLOSED", "2024-07-10", "销号批复 XH-1").andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromStatus").value("DELIVERED"))
                .andExpect(jsonPath("$.toStatus").value("CLOSED"));
        assertThat(statusNow()).isEqualTo("CLOSED");
        Map<String, Object> audit = jdbc.queryForMap("SELECT username, before_state, after_state FROM audit_event "
                + "WHERE action = 'PROJECT_STATUS_CHANGED' ORDER BY id DESC LIMIT 1");
        assertThat(audit.get("username")).isEqualTo(accountant.username());
        assertThat((String) audit.get("before_state")).contains("\"status\":\"DELIVERED\"", "2024-06-30");
        assertThat((String) audit.get("after_state")).contains("\"status\":\"CLOSED\"", "销号批复 XH-1");

        api.get(accountant, "/api/v1/projects/" + here.code() + "/status-history").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].fromStatus").doesNotExist())
                .andExpect(jsonPath("$[0].toStatus").value("RESUMED"))
                .andExpect(jsonPath("$[1].toStatus").value("COMPLETED"))
                .andExpect(jsonPath("$[3].toStatus").value("CLOSED"))
                .andExpect(jsonPath("$[3].effectiveOn").value("2024-07-10"));

        // 销号 is final: no further change, no new request
        change(accountant, "DELIVERED", "2024-07-11", "X-1").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("status.closedIsFinal"));
        api.post(accountant, "/api/v1/disbursements", "{\"projectCode\":\"" + here.code() + "\",\"payeeId\":"
                        + here.payee().id() + ",\"milestoneId\":" + last.id()
                        + ",\"purpose\":\"工程款\",\"amount\":1.00}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("project.closedNoRequests"));
        api.post(accountant, "/api/v1/disbursements/" + lastYuan.id() + "/reversal",
                        "{\"reason\":\"退票\",\"reversedOn\":\"2024-07-11\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("project.closedNoReversal"));
    }

    @Test
    void aStepSkippedABackdatedOrFutureDateAWrongRoleAndAnotherDistrictAreRefused() throws Exception {
        change(accountant, "DELIVERED", "2024-01-01", "X-1").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("status.notNext"))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value("项目当前为复工，不能变更为交付；下一步只能是：停工或竣工"));
        change(accountant, "STOPPED", "2024-01-10", "再次停工通知 TG-1").andExpect(status().isCreated());
        change(accountant, "RESUMED", "2024-01-09", "X-2").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveOn"))
                .andExpect(jsonPath("$.detail").value("生效日期不能早于上一次状态变更的生效日期 2024-01-10"));
        change(accountant, "RESUMED", clock.today().plusDays(1).toString(), "X-3")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveOn"));
        change(accountant, "BUILDING", "2024-02-01", "X-4").andExpect(status().isBadRequest());
        change(accountant, "RESUMED", "2024-02-01", "<b>").andExpect(status().isBadRequest());
        change(fx.user(Role.REVIEWER, here.district().id()), "RESUMED", "2024-02-01", "X-5")
                .andExpect(status().isForbidden());
        change(fx.user(Role.ACCOUNTANT, fx.district().id()), "RESUMED", "2024-02-01", "X-6")
                .andExpect(status().isNotFound());
        assertThat(statusNow()).isEqualTo("STOPPED");
        assertThat(changes()).isEqualTo(2);
        // 复工 again on the day it stopped: allowed (the same day is not before it)
        change(accountant, "RESUMED", "2024-01-10", "复工通知 FG-2").andExpect(status().isCreated());
    }

    @Test
    void theSummaryAsOfADateCountsAProjectClosedOnlyFromTheDayItsCloseOutTookEffect() throws Exception {
        List<Milestone> ms = here.milestones();
        fx.verify(here.code(), ms.get(0), LocalDate.of(2023, 3, 1));
        fx.verify(here.code(), ms.get(1), LocalDate.of(2023, 9, 1));
        fx.verify(here.code(), ms.get(2), LocalDate.of(2024, 3, 1));
        Milestone last = fx.verify(here.code(), ms.get(3), LocalDate.of(2024, 6, 30), 500);
        fx.paid(here.code(), here.payee(), last, new BigDecimal("1000000.00"), LocalDate.of(2024, 7, 1));
        change(accountant, "COMPLETED", "2024-03-05", "JG-1").andExpect(status().isCreated());
        change(accountant, "DELIVERED", "2024-06-30", "JF-1").andExpect(status().isCreated());
        change(accountant, "CLOSED", "2024-07-10", "XH-1").andExpect(status().isCreated());
        LoanUser auditor = fx.user(Role.AUDITOR, here.district().id());
        String district = "&district=" + here.district().code();
        api.get(auditor, "/api/v1/reports/summary?businessDate=2024-07-09" + district).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.projects").value(1))
                .andExpect(jsonPath("$.total.closedProjects").value(0))
                .andExpect(jsonPath("$.total.resolutionRate").value("0.0000"));
        api.get(auditor, "/api/v1/reports/summary?businessDate=2024-07-10" + district).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.closedProjects").value(1))
                .andExpect(jsonPath("$.total.resolutionRate").value("1.0000"));
    }

    @Test
    void theFactsAreEditedWithTheirAuditAndTotalUnitsNeverBelowTheHomesDelivered() throws Exception {
        fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 1), 120);
        String body = "{\"name\":\"测试项目（更名）\",\"developer\":\"新置业有限公司\",\"totalUnits\":%d,"
                + "\"fundingGap\":\"2345678.90\",\"planText\":\"一楼一策（修订）\",\"responsibleOfficial\":\"李四\","
                + "\"taskForce\":\"复工专班\",\"expectedDeliveryDate\":\"2025-06-30\"}";
        put(String.format(body, 119)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("totalUnits"))
                .andExpect(jsonPath("$.detail").value("总套数不能少于已交付的 120 套"));
        put(String.format(body, 120)).andExpect(status().isOk())
                .andExpect(jsonPath("$.project.name").value("测试项目（更名）"))
                .andExpect(jsonPath("$.project.totalUnits").value(120))
                .andExpect(jsonPath("$.project.fundingGap").value("2345678.90"))
                .andExpect(jsonPath("$.project.responsibleOfficial").value("李四"))
                .andExpect(jsonPath("$.project.status").value("RESUMED"));
        Map<String, Object> audit = jdbc.queryForMap("SELECT before_state, after_state FROM audit_event "
                + "WHERE action = 'PROJECT_FACTS_EDITED' ORDER BY id DESC LIMIT 1");
        assertThat((String) audit.get("before_state")).contains("\"totalUnits\":500", "张三");
        assertThat((String) audit.get("after_state")).contains("\"totalUnits\":120", "李四");
    }

    private org.springframework.test.web.servlet.ResultActions put(String json) throws Exception {
        return api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/projects/" + here.code())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(accountant.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
