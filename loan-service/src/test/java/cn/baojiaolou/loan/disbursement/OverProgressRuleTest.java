package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Σ paid ≤ the cap unlocked by verified milestones, at its exact boundary, through the API. */
@DatabaseTest
class OverProgressRuleTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;

    @Test
    void paymentReachingTheUnlockedCapExactlyPassesAndOneFenMoreIsRefused() throws Exception {
        // allocation 1,234,567.89; 复工 verified unlocks 20% = 246,913.578 → 246,913.58 (half-up at the fen)
        Fixtures.Ready r = fx.ready(new BigDecimal("1234567.89"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        LoanUser reviewer = fx.user(Role.REVIEWER, null);

        long first = request(accountant, r, "200000.00");
        approve(reviewer, first);
        pay(accountant, first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));

        // an approved 0.01 that came by another route (migrated data) reserves its fen: 46,913.57 is left
        long migrated = fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(),
                r.restart().id(), "工程款", new BigDecimal("0.01"), "APPROVED", null);
        long requests = fx.count("disbursement");
        long auditRows = fx.count("audit_event");
        refusedRequest(accountant, r, "46913.58");
        assertThat(fx.count("disbursement")).isEqualTo(requests);
        assertThat(fx.count("audit_event")).isEqualTo(auditRows);

        // exactly what is left is requested; it is then reserved (预占) and not one fen more can be requested
        long exact = request(accountant, r, "46913.57");
        approve(reviewer, exact);
        refusedRequest(accountant, r, "0.01");
        pay(accountant, exact).andExpect(status().isOk());
        pay(accountant, migrated).andExpect(status().isOk());

        // the payment checks the cap again: one more migrated fen is refused when paid, and nothing is written
        long over = fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(),
                r.restart().id(), "工程款", new BigDecimal("0.01"), "APPROVED", null);
        long ledgerRows = fx.count("ledger_entry");
        auditRows = fx.count("audit_event");
        pay(accountant, over)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("超进度拨付")));
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerRows);
        assertThat(fx.count("audit_event")).isEqualTo(auditRows);
        String view = api.get(accountant, "/api/v1/projects/{code}", r.code()).andReturn().getResponse()
                .getContentAsString();
        assertThat(new BigDecimal(JsonPath.read(view, "$.paid").toString()))
                .isEqualByComparingTo("246913.58");
        assertThat(new BigDecimal(JsonPath.read(view, "$.unlocked").toString()))
                .isEqualByComparingTo("246913.58");
    }

    private long request(LoanUser accountant, Fixtures.Ready r, String amount) throws Exception {
        String body = """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":%s}
                """.formatted(r.code(), r.payee().id(), r.milestones().get(0).id(), amount);
        String json = api.post(accountant, "/api/v1/disbursements", body)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private void refusedRequest(LoanUser accountant, Fixtures.Ready r, String amount) throws Exception {
        api.post(accountant, "/api/v1/disbursements", """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":%s}
                """.formatted(r.code(), r.payee().id(), r.milestones().get(0).id(), amount))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("预占")));
    }

    private void approve(LoanUser reviewer, long id) throws Exception {
        api.post(reviewer, "/api/v1/disbursements/" + id + "/approval", "{}").andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions pay(LoanUser accountant, long id) throws Exception {
        return api.post(accountant, "/api/v1/disbursements/" + id + "/payment",
                "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + Fixtures.code("PZ") + "\"}");
    }
}
