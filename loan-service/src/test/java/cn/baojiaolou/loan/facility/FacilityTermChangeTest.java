package cn.baojiaolou.loan.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * 展期 and rate changes over the API, maker-checker, with interest hand-checked to the fen (ACT/360, 算头不算尾):
 * a rate change inside a quarter splits the period's 积数, each part at its own rate, rounded once at settlement;
 * an extension after maturity ends the overdue from its effective day.
 */
@DatabaseTest
class FacilityTermChangeTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    LoanUser accountant;
    LoanUser reviewer;
    Facility facility;
    Project project;

    /**
     * Facility at 3.6 %, drawn in full on 2023-01-01; the project is paid 100,000.00 on 2023-03-21, the day after
     * the 3-20 结息, so its period runs 03-21 … 06-20.
     */
    void paidOn(LocalDate maturity) {
        assertThat(jdbc.queryForObject("SELECT COALESCE(MAX(business_date), '2000-01-01') FROM business_day",
                LocalDate.class)).as("no day from 2023 on closed in this database").isBefore(LocalDate.of(2023, 1, 1));
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
        District d = fx.district();
        facility = fx.facility(new BigDecimal("10000000.00"), LocalDate.of(2023, 1, 1), maturity);
        fx.drawdown(facility, new BigDecimal("10000000.00"), LocalDate.of(2023, 1, 1), "DD-" + facility.code());
        project = fx.project(d, LocalDate.of(2024, 6, 30), 500);
        fx.allocate(project, facility, new BigDecimal("1000000.00"), LocalDate.of(2023, 1, 2));
        Payee payee = fx.payee(project, PayeeKind.CONTRACTOR);
        Milestone resumed = fx.milestone(project, "复工", "20", LocalDate.of(2023, 3, 1));
        fx.verify(project, resumed, LocalDate.of(2023, 3, 5));
        fx.paid(project, payee, resumed, new BigDecimal("100000.00"), LocalDate.of(2023, 3, 21));
    }

    private ResultActions ask(String json) throws Exception {
        return api.post(accountant, "/api/v1/facilities/" + facility.code() + "/term-changes", json);
    }

    private ResultActions interest(String asOf) throws Exception {
        return api.get(accountant, "/api/v1/projects/" + project.code() + "/interest?asOf=" + asOf);
    }

    private long askedId(ResultActions r) throws Exception {
        return ((Number) com.jayway.jsonpath.JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id"))
                .longValue();
    }

    @Test
    void aRateChangeInsideAQuarterSplitsTheBalanceDaysAndIsRoundedOnceAtSettlement() throws Exception {
        paidOn(LocalDate.of(2027, 12, 31));
        long id = askedId(ask("{\"kind\":\"RATE\",\"effectiveOn\":\"2023-05-01\",\"newAnnualRate\":\"0.0325\","
                + "\"approvalRef\":\"永财债〔2023〕21号\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED")));
        // asked for, not yet in force: the quarter still runs at 3.6 %: 9,200,000.00 × 0.036 / 360 = 920.00
        interest("2023-06-20").andExpect(jsonPath("$.settled").value("920.00"));
        // the one who asked cannot approve it, even as a reviewer now (roles change)
        jdbc.update("UPDATE app_user SET role = 'REVIEWER' WHERE username = ?", accountant.username());
        api.post(accountant, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/approval", "{}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("termChange.ownRequest"));
        jdbc.update("UPDATE app_user SET role = 'ACCOUNTANT' WHERE username = ?", accountant.username());
        api.post(reviewer, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/approval",
                "{\"note\":\"按批复执行\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(reviewer.username()));
        api.post(reviewer, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/approval", "{}")
                .andExpect(status().isConflict());

        // mid-period, 2023-05-31: 03-21…04-30 is 41 days × 100,000.00 = 4,100,000.00 at 3.6 %, 05-01…05-31 is
        // 3,100,000.00 at 3.25 %: (147,600 + 100,750) / 360 = 689.861… → 689.86
        interest("2023-05-31").andExpect(jsonPath("$.balanceDays").value("7200000.00"))
                .andExpect(jsonPath("$.accrued").value("689.86"))
                .andExpect(jsonPath("$.positions[0].annualRate").value("0.032500"));
        // the 06-20 结息: 4,100,000.00 at 3.6 % and 5,100,000.00 (05-01…06-20, 51 days) at 3.25 %:
        // (147,600 + 165,750) / 360 = 870.416… → 870.42, rounded once
        interest("2023-06-20").andExpect(jsonPath("$.settled").value("870.42"))
                .andExpect(jsonPath("$.interestDue").value("870.42"))
                .andExpect(jsonPath("$.positions[0].statement.settlements[0].balanceDays").value("9200000.00"))
                .andExpect(jsonPath("$.positions[0].statement.settlements[0].interest").value("870.42"));
        // the next quarter at 3.25 % only: 06-21…09-20 is 92 days: 9,200,000.00 × 0.0325 / 360 = 830.555… → 830.56
        interest("2023-09-20").andExpect(jsonPath("$.settled").value("1700.98"));

        api.get(accountant, "/api/v1/facilities/" + facility.code()).andExpect(status().isOk())
                .andExpect(jsonPath("$.termChanges", hasSize(1)))
                .andExpect(jsonPath("$.termChanges[0].kind").value("RATE"))
                .andExpect(jsonPath("$.termChanges[0].approvalRef").value("永财债〔2023〕21号"))
                .andExpect(jsonPath("$.currentAnnualRate").value("0.032500"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action IN ('TERM_CHANGE_REQUESTED',"
                + " 'TERM_CHANGE_APPROVED') AND target_id = ?", Integer.class, facility.code())).isEqualTo(2);
    }

    @Test
    void anExtensionAfterMaturityEndsTheOverdueFromItsEffectiveDay() throws Exception {
        paidOn(LocalDate.of(2023, 6, 30));
        // the interest of the 06-20 and 06-30 (maturity) 结息 is paid the next day, so none of it runs overdue:
        // 03-21…06-20: 9,200,000.00 × 0.036 / 360 = 920.00; 06-21…06-30: 1,000,000.00 × 0.036 / 360 = 100.00
        fx.repay(project, new BigDecimal("920.00"), LocalDate.of(2023, 6, 21), "RP-" + project.code() + "-1");
        fx.repay(project, new BigDecimal("100.00"), LocalDate.of(2023, 7, 1), "RP-" + project.code() + "-2");
        interest("2023-07-10").andExpect(jsonPath("$.overduePrincipal").value("100000.00"));

        // an extension dated before the latest posting is refused, nothing written
        long before = fx.count("facility_term_change");
        ask("{\"kind\":\"EXTENSION\",\"effectiveOn\":\"2023-06-30\",\"newMaturityDate\":\"2024-06-30\","
                + "\"approvalRef\":\"展期协议 ZQ-1\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveOn"))
                .andExpect(jsonPath("$.detail").value("生效日期不能早于该合同最近一笔记账的日期 2023-07-01"));
        // one kind at a time, a maturity that is later
        ask("{\"kind\":\"EXTENSION\",\"effectiveOn\":\"2023-07-05\",\"newMaturityDate\":\"2024-06-30\","
                + "\"newAnnualRate\":\"0.03\",\"approvalRef\":\"ZQ-1\"}").andExpect(status().isBadRequest());
        ask("{\"kind\":\"EXTENSION\",\"effectiveOn\":\"2023-07-05\",\"newMaturityDate\":\"2023-06-01\","
                + "\"approvalRef\":\"ZQ-1\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("newMaturityDate"));
        assertThat(fx.count("facility_term_change")).isEqualTo(before);

        long id = askedId(ask("{\"kind\":\"EXTENSION\",\"effectiveOn\":\"2023-07-05\",\"newMaturityDate\":"
                + "\"2024-06-30\",\"approvalRef\":\"展期协议 ZQ-2023-07\"}").andExpect(status().isCreated()));
        api.post(reviewer, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/approval", "{}")
                .andExpect(status().isOk());

        // 07-01…07-04 stay overdue (4 days × 100,000.00 = 400,000.00 of penalty 积数); from 07-05 the principal is
        // current again: 07-05…09-20 is 78 days = 7,800,000.00 of 积数. The 09-20 结息: interest
        // 7,800,000.00 × 0.036 / 360 = 780.00, penalty 400,000.00 × 0.036 × 1.5 / 360 = 60.00
        interest("2023-07-10").andExpect(jsonPath("$.overduePrincipal").value("0.00"))
                .andExpect(jsonPath("$.penaltyBalanceDays").value("400000.00"))
                .andExpect(jsonPath("$.balanceDays").value("600000.00"));
        interest("2023-09-20").andExpect(jsonPath("$.settled").value("1800.00"))
                .andExpect(jsonPath("$.interestDue").value("780.00"))
                .andExpect(jsonPath("$.penaltySettled").value("60.00"))
                .andExpect(jsonPath("$.penaltyDue").value("60.00"))
                .andExpect(jsonPath("$.overduePrincipal").value("0.00"));
    }

    @Test
    void aDistrictAccountantCannotAskAndARejectionNeedsAReason() throws Exception {
        paidOn(LocalDate.of(2027, 12, 31));
        LoanUser district = fx.user(Role.ACCOUNTANT, project.districtId());
        api.post(district, "/api/v1/facilities/" + facility.code() + "/term-changes", "{\"kind\":\"RATE\","
                + "\"effectiveOn\":\"2023-05-01\",\"newAnnualRate\":\"0.03\",\"approvalRef\":\"X-1\"}")
                .andExpect(status().isForbidden());
        long id = askedId(ask("{\"kind\":\"RATE\",\"effectiveOn\":\"2023-05-01\",\"newAnnualRate\":\"0.03\","
                + "\"approvalRef\":\"X-2\"}").andExpect(status().isCreated()));
        api.post(reviewer, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/rejection", "{}")
                .andExpect(status().isBadRequest());
        api.post(reviewer, "/api/v1/facilities/" + facility.code() + "/term-changes/" + id + "/rejection",
                "{\"reason\":\"批复未下达\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        // a rejected change is not in force
        interest("2023-06-20").andExpect(jsonPath("$.settled").value("920.00"));
    }
}
