package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inputs an integrator found accepted, each refused now with a Chinese problem+json naming the field, and nothing
 * written: data after the JSON document, a fraction where a whole number belongs (77.9 paid payee 77), a key given
 * twice, a voucher posted a second time under a new Idempotency-Key, and a milestone verified back-dated before the one
 * it follows.
 */
@DatabaseTest
class StrictInputTest {

    static final List<String> TABLES = List.of("disbursement", "ledger_entry", "project", "milestone_verification",
            "idempotency_record", "payee");

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    LoanUser accountant;
    LoanUser reviewer;
    Fixtures.Ready r;

    @BeforeEach
    void setUp() {
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
        r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.restart(), LocalDate.of(2023, 2, 1));
    }

    Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, fx::count));
    }

    String request(String payeeId) {
        return """
                {"projectCode":"%s","payeeId":%s,"milestoneId":%d,"purpose":"工程款","amount":1000.00}"""
                .formatted(r.code(), payeeId, r.restart().id());
    }

    ResultActions refused(ResultActions actions, int status, String code) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void dataAfterTheJsonDocumentIsRefusedAndNeitherDocumentPosts() throws Exception {
        Map<String, Long> before = counts();
        refused(api.post(accountant, "/api/v1/disbursements", request(String.valueOf(r.payee().id())) + " "
                + request(String.valueOf(r.payee().id()))), 400, "request.malformed")
                .andExpect(jsonPath("$.detail").value(containsString("JSON")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefusedNamingTheField() throws Exception {
        Map<String, Long> before = counts();
        refused(api.post(accountant, "/api/v1/disbursements", request(r.payee().id() + ".9")), 400,
                "request.badFieldFormat").andExpect(jsonPath("$.errors[0].field").value("payeeId"));
        refused(api.post(accountant, "/api/v1/projects", """
                {"code":"%s","name":"整数检查","district":"%s","developer":"某置业","totalUnits":1.5}"""
                .formatted(Fixtures.code("P"), r.district().code())), 400, "request.badFieldFormat")
                .andExpect(jsonPath("$.errors[0].field").value("totalUnits"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
        Map<String, Long> before = counts();
        refused(api.post(accountant, "/api/v1/disbursements", """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":1000.00,"amount":99999.00}"""
                .formatted(r.code(), r.payee().id(), r.restart().id())), 400, "request.duplicateField")
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.detail").value(containsString("amount")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void nullForANumberIsRefusedNamingTheField() throws Exception {
        Map<String, Long> before = counts();
        refused(api.post(accountant, "/api/v1/disbursements", request("null")), 400, "request.invalid")
                .andExpect(jsonPath("$.errors[0].field").value("payeeId"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theSameVoucherUnderANewKeyIsRefusedNamingTheFirstPosting() throws Exception {
        Disbursement one = fx.approved(r.code(), r.payee(), r.restart(), new BigDecimal("1000.00"));
        Disbursement two = fx.approved(r.code(), r.payee(), r.restart(), new BigDecimal("1000.00"));
        String voucher = Fixtures.code("PZ");
        api.post(accountant, "/api/v1/disbursements/" + one.id() + "/payment",
                "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + voucher + "\"}").andExpect(status().isOk());
        long firstRow = jdbc.queryForObject("SELECT id FROM ledger_entry WHERE voucher_no = ?", Long.class, voucher);

        Map<String, Long> before = counts();
        refused(api.post(accountant, "/api/v1/disbursements/" + two.id() + "/payment",
                "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + voucher + "\"}"), 409, "ledger.voucherPosted")
                .andExpect(jsonPath("$.detail").value(containsString(voucher)))
                .andExpect(jsonPath("$.detail").value(containsString(String.valueOf(firstRow))))
                .andExpect(jsonPath("$.detail").value(containsString("2023-02-10")));
        assertThat(counts()).isEqualTo(before);
        // and the database would refuse it even if a service forgot to check (uk_ledger_voucher)
        assertThatThrownBy(() -> jdbc.update("INSERT INTO ledger_entry (facility_id, project_id, entry_type,"
                + " value_date, amount, principal, account_effect, voucher_no, created_at, created_by)"
                + " SELECT facility_id, project_id, entry_type, value_date, amount, principal, account_effect,"
                + " voucher_no, created_at, 'test' FROM ledger_entry WHERE id = ?", firstRow))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aVerificationDatedBeforeTheOneItFollowsIsRefused() throws Exception {
        // 复工 verified 2023-02-01; 主体结构封顶 once went in dated 2020-01-01
        Milestone second = r.milestones().get(1);
        String path = "/api/v1/projects/" + r.code() + "/milestones/" + second.id() + "/verification";
        Map<String, Long> before = counts();
        refused(api.post(reviewer, path, "{\"verifiedOn\":\"2020-01-01\",\"inspector\":\"监理王工\","
                + "\"evidenceRef\":\"JL-2020-1\"}"), 422, "milestone.verifiedBeforePrevious")
                .andExpect(jsonPath("$.errors[0].field").value("verifiedOn"))
                .andExpect(jsonPath("$.detail").value(containsString("2023-02-01")));
        refused(api.post(reviewer, path, "{\"verifiedOn\":\"" + LocalDate.now().plusDays(2)
                + "\",\"inspector\":\"监理王工\",\"evidenceRef\":\"JL-2020-1\"}"), 422, "valueDate.future");
        assertThat(counts()).isEqualTo(before);
        // the same day as the one before is fine
        api.post(reviewer, path, "{\"verifiedOn\":\"2023-02-01\",\"inspector\":\"监理王工\","
                + "\"evidenceRef\":\"JL-2023-2\"}").andExpect(status().isCreated());
    }

    @Test
    void aVerificationBeforeTheAllocationWasApprovedIsRefused() throws Exception {
        // the allocation was approved on 2023-01-02: progress cannot count from before it
        Fixtures.Ready fresh = fx.ready(new BigDecimal("100000.00"));
        Map<String, Long> before = counts();
        refused(api.post(reviewer, "/api/v1/projects/" + fresh.code() + "/milestones/" + fresh.restart().id()
                        + "/verification", "{\"verifiedOn\":\"2023-01-01\",\"inspector\":\"监理王工\","
                        + "\"evidenceRef\":\"JL-1\"}"), 422, "milestone.verifiedBeforeStart")
                .andExpect(jsonPath("$.detail").value(containsString("2023-01-02")));
        assertThat(counts()).isEqualTo(before);
    }
}
