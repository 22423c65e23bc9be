package cn.baojiaolou.loan.interest;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A project's interest and repayments through the API, against the real database. The Fixtures facility runs at
 * 3.6% a year, so rate / 360 = 0.0001 (interest = 积数 / 10,000) and penalty at 3.6% × 1.5 = 0.00015 a 元·day.
 */
@DatabaseTest
class ProjectInterestApiTest {

    /** Reads every JSON number as BigDecimal: money never passes through a double. */
    private static final ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;

    LoanUser accountant;

    @BeforeEach
    void users() {
        accountant = fx.user(Role.ACCOUNTANT, null);
    }

    /** A project that was paid 200,000.00 on 2025-01-10 (复工 verified, 20% of 1,000,000.00 unlocked). */
    private Fixtures.Ready paid200kOn20250110() {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2025, 1, 5));
        fx.paid(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("200000.00"), LocalDate.of(2025, 1, 10));
        return r;
    }

    @Test
    void partialRepaymentInsideAQuarterPaysPrincipalAndLowersTheBalanceDaysFromItsDay() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();

        // nothing settled before 2025-03-20: all of 50,000.00 is principal
        JsonNode repayment = repay(r.code(), "50000.00", "2025-02-10");
        assertSplit(repayment, "0", "0", "50000.00");

        // 2025-01-10 … 02-09 = 31 days × 200,000 = 6,200,000
        // 2025-02-10 … 03-19 = 38 days × 150,000 = 5,700,000  → 积数 11,900,000.00, accrued 1,190.00
        JsonNode i = interest(r.code(), "2025-03-19");
        assertMoney(i, "principal", "150000.00");
        assertMoney(i, "balanceDays", "11900000.00");
        assertMoney(i, "accrued", "1190.00");
        assertMoney(i, "settled", "0");
        assertMoney(i, "interestDue", "0");
        assertMoney(i, "penaltyDue", "0");
        assertThat(i.at("/positions/0/facilityCode").asString()).isEqualTo(r.facilityCode());
    }

    @Test
    void settlementOnThe20thMakesTheInterestDueAndARepaymentAfterItPaysThatInterestFirst() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();
        repay(r.code(), "50000.00", "2025-02-10");

        // 结息日 2025-03-20: 11,900,000 + 150,000 (the 20th itself) = 12,050,000.00 → 1,205.00 settled and due
        JsonNode onThe20th = interest(r.code(), "2025-03-20");
        assertMoney(onThe20th, "balanceDays", "0");
        assertMoney(onThe20th, "accrued", "0");
        assertMoney(onThe20th, "settled", "1205.00");
        assertMoney(onThe20th, "interestDue", "1205.00");
        assertMoney(onThe20th, "positions/0/statement/settlements/0/balanceDays", "12050000.00");
        assertThat(onThe20th.at("/positions/0/statement/settlements/0/periodStart").asString()).isEqualTo("2025-01-10");

        // 2025-03-25, 10,000.00: the settled 1,205.00 first (penalty on it has accrued since 03-21 but is not
        // settled, so not due), the remaining 8,795.00 to principal
        JsonNode afterSettlement = repay(r.code(), "10000.00", "2025-03-25");
        assertSplit(afterSettlement, "0", "1205.00", "8795.00");

        // as of 2025-03-31, principal 150,000 − 8,795 = 141,205.00
        //   积数: 03-21 … 03-24 = 4 × 150,000 = 600,000; 03-25 … 03-31 = 7 × 141,205 = 988,435 → 1,588,435.00
        //   accrued = 158.8435 → 158.84
        //   penalty 积数: the 1,205.00 unpaid at the close of 03-21 … 03-24 = 4 × 1,205 = 4,820.00
        //   penalty accrued = 4,820 × 0.054 / 360 = 0.723 → 0.72
        JsonNode endOfMarch = interest(r.code(), "2025-03-31");
        assertMoney(endOfMarch, "principal", "141205.00");
        assertMoney(endOfMarch, "balanceDays", "1588435.00");
        assertMoney(endOfMarch, "accrued", "158.84");
        assertMoney(endOfMarch, "settled", "1205.00");
        assertMoney(endOfMarch, "interestPaid", "1205.00");
        assertMoney(endOfMarch, "interestDue", "0");
        assertMoney(endOfMarch, "penaltyBalanceDays", "4820.00");
        assertMoney(endOfMarch, "penaltyAccrued", "0.72");
        assertMoney(endOfMarch, "penaltyDue", "0");
    }

    @Test
    void repaymentAfterASettlementWithPenaltyPaysPenaltyThenInterestThenPrincipal() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();
        repay(r.code(), "50000.00", "2025-02-10");
        repay(r.code(), "10000.00", "2025-03-25");

        // 结息日 2025-06-20 (period 03-21 … 06-20):
        //   积数: 03-21 … 03-24 = 4 × 150,000 = 600,000
        //         03-25 … 06-20 = Mar 7 + Apr 30 + May 31 + Jun 20 = 88 × 141,205 = 12,426,040 → 13,026,040.00
        //   interest = 1,302.604 → 1,302.60; penalty = 4,820 × 0.00015 = 0.723 → 0.72
        JsonNode onThe20th = interest(r.code(), "2025-06-20");
        assertMoney(onThe20th, "settled", "2507.60");
        assertMoney(onThe20th, "interestDue", "1302.60");
        assertMoney(onThe20th, "penaltySettled", "0.72");
        assertMoney(onThe20th, "penaltyDue", "0.72");
        assertMoney(onThe20th, "positions/0/statement/settlements/1/balanceDays", "13026040.00");
        assertMoney(onThe20th, "positions/0/statement/settlements/1/penaltyBalanceDays", "4820.00");

        // 2025-06-25, 2,000.00: penalty 0.72, interest 1,302.60, principal 2,000 − 0.72 − 1,302.60 = 696.68
        JsonNode repayment = repay(r.code(), "2000.00", "2025-06-25");
        assertSplit(repayment, "0.72", "1302.60", "696.68");
        assertMoney(repayment, "split/0/penalty", "0.72");
        assertMoney(repayment, "split/0/interest", "1302.60");
        assertMoney(repayment, "split/0/principal", "696.68");
        assertThat(repayment.at("/split/0/facilityCode").asString()).isEqualTo(r.facilityCode());

        // as of 2025-06-30, principal 141,205 − 696.68 = 140,508.32
        //   积数: 06-21 … 06-24 = 4 × 141,205 = 564,820; 06-25 … 06-30 = 6 × 140,508.32 = 843,049.92
        //         → 1,407,869.92; accrued = 140.786992 → 140.79
        //   penalty 积数: 1,302.60 unpaid at the close of 06-21 … 06-24 = 5,210.40 → × 0.00015 = 0.78156 → 0.78
        JsonNode i = interest(r.code(), "2025-06-30");
        assertMoney(i, "principal", "140508.32");
        assertMoney(i, "balanceDays", "1407869.92");
        assertMoney(i, "accrued", "140.79");
        assertMoney(i, "settled", "2507.60");
        assertMoney(i, "interestPaid", "2507.60");
        assertMoney(i, "interestDue", "0");
        assertMoney(i, "penaltyBalanceDays", "5210.40");
        assertMoney(i, "penaltyAccrued", "0.78");
        assertMoney(i, "penaltySettled", "0.72");
        assertMoney(i, "penaltyPaid", "0.72");
        assertMoney(i, "penaltyDue", "0");
        assertMoney(i, "overduePrincipal", "0");
    }

    @Test
    void repaymentOnASettlementDayComesBeforeThatDaysSettlement() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2025, 3, 1));
        fx.paid(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("100000.00"), LocalDate.of(2025, 3, 11));

        // on 2025-03-20 nothing is settled yet: 30,000.00 is all principal
        JsonNode repayment = repay(r.code(), "30000.00", "2025-03-20");
        assertSplit(repayment, "0", "0", "30000.00");

        // the 20th closes at 70,000: 03-11 … 03-19 = 9 × 100,000 + 70,000 = 970,000.00 → 97.00
        JsonNode i = interest(r.code(), "2025-03-20");
        assertMoney(i, "principal", "70000.00");
        assertMoney(i, "settled", "97.00");
        assertMoney(i, "interestDue", "97.00");
        assertMoney(i, "positions/0/statement/settlements/0/balanceDays", "970000.00");
    }

    @Test
    void repaymentLeavesAProjectRepaymentLedgerRowAndRunningBalances() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();
        String v1 = Fixtures.code("HK");
        String v2 = Fixtures.code("HK");
        JsonNode first = repay(r.code(), "50000.00", "2025-02-10", v1);
        JsonNode second = repay(r.code(), "10000.00", "2025-03-25", v2);

        JsonNode lines = get("/api/v1/projects/{code}/ledger", r.code());
        assertThat(lines).hasSize(3);

        // PAYMENT 200,000.00 on 2025-01-10: paid 200,000, principal 200,000, interest paid 0
        JsonNode payment = lines.get(0);
        assertThat(payment.at("/entry/entryType").asString()).isEqualTo("PAYMENT");
        assertMoney(payment, "paidToDate", "200000.00");
        assertMoney(payment, "principalOutstanding", "200000.00");
        assertMoney(payment, "interestPaidToDate", "0");

        // PROJECT_REPAYMENT 50,000.00 on 2025-02-10, all principal: principal 150,000
        JsonNode r1 = lines.get(1);
        assertThat(r1.at("/entry/entryType").asString()).isEqualTo("PROJECT_REPAYMENT");
        assertThat(r1.at("/entry/valueDate").asString()).isEqualTo("2025-02-10");
        assertThat(r1.at("/entry/voucherNo").asString()).isEqualTo(v1);
        assertThat(r1.at("/entry/repaymentId").asLong()).isEqualTo(first.get("id").asLong());
        assertMoney(r1, "entry/amount", "50000.00");
        assertMoney(r1, "entry/principal", "50000.00");
        assertMoney(r1, "entry/interest", "0");
        assertMoney(r1, "entry/penalty", "0");
        assertMoney(r1, "entry/accountEffect", "50000.00");
        assertMoney(r1, "paidToDate", "200000.00");
        assertMoney(r1, "principalOutstanding", "150000.00");
        assertMoney(r1, "interestPaidToDate", "0");

        // PROJECT_REPAYMENT 10,000.00 on 2025-03-25 = interest 1,205.00 + principal 8,795.00: principal 141,205
        JsonNode r2 = lines.get(2);
        assertThat(r2.at("/entry/entryType").asString()).isEqualTo("PROJECT_REPAYMENT");
        assertThat(r2.at("/entry/voucherNo").asString()).isEqualTo(v2);
        assertThat(r2.at("/entry/repaymentId").asLong()).isEqualTo(second.get("id").asLong());
        assertMoney(r2, "entry/amount", "10000.00");
        assertMoney(r2, "entry/principal", "8795.00");
        assertMoney(r2, "entry/interest", "1205.00");
        assertMoney(r2, "entry/penalty", "0");
        assertMoney(r2, "entry/accountEffect", "10000.00");
        assertMoney(r2, "paidToDate", "200000.00");
        assertMoney(r2, "principalOutstanding", "141205.00");
        assertMoney(r2, "interestPaidToDate", "1205.00");
    }

    @Test
    void repaymentOverEverythingOwedIsRefusedAndPostsNothing() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();
        long ledgerRows = fx.count("ledger_entry");

        // on 2025-02-10 only the 200,000.00 principal is owed (nothing settled yet)
        post(r.code(), "200000.01", "2025-02-10", Fixtures.code("HK"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerRows);

        JsonNode all = repay(r.code(), "200000.00", "2025-02-10");
        assertSplit(all, "0", "0", "200000.00");
        // 2025-01-10 … 02-09 = 31 × 200,000 = 6,200,000.00 → 620.00, settled 2025-03-20 and due with no principal left
        JsonNode i = interest(r.code(), "2025-03-20");
        assertMoney(i, "principal", "0");
        assertMoney(i, "interestDue", "620.00");
    }

    @Test
    void acrossTwoFacilitiesInterestOnBothIsPaidBeforeAnyPrincipal() throws Exception {
        // second facility at 2.88% (rate / 360 = 0.00008), 1,000,000.00 allocated; with the first allocation the
        // project has 2,000,000.00, 复工 unlocks 20% = 400,000.00
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        String second = fx.facility(new BigDecimal("5000000.00"), "0.0288", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        fx.drawdown(second, new BigDecimal("5000000.00"), LocalDate.of(2023, 1, 1));
        fx.allocate(r.code(), second, new BigDecimal("1000000.00"), LocalDate.of(2023, 1, 3));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2025, 1, 5));
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        pay(reviewer, r, r.facilityCode(), "200000.00", "2025-01-10");
        pay(reviewer, r, second, "100000.00", "2025-01-10");

        // 结息日 2025-03-20, 2025-01-10 … 03-20 = Jan 22 + Feb 28 + Mar 20 = 70 days
        //   first:  70 × 200,000 = 14,000,000.00 × 0.036 / 360  = 1,400.00
        //   second: 70 × 100,000 =  7,000,000.00 × 0.0288 / 360 =   560.00
        JsonNode settled = interest(r.code(), "2025-03-20");
        assertMoney(settled, "settled", "1960.00");
        assertMoney(settled, "positions/0/statement/settled", "1400.00");
        assertMoney(settled, "positions/1/statement/settled", "560.00");

        // 3,000.00 on 2025-03-25: interest 1,400.00 and 560.00, then 1,040.00 of the first facility's principal
        JsonNode repayment = repay(r.code(), "3000.00", "2025-03-25");
        assertSplit(repayment, "0", "1960.00", "1040.00");
        assertThat(repayment.at("/split/0/facilityCode").asString()).isEqualTo(r.facilityCode());
        assertMoney(repayment, "split/0/interest", "1400.00");
        assertMoney(repayment, "split/0/principal", "1040.00");
        assertThat(repayment.at("/split/1/facilityCode").asString()).isEqualTo(second);
        assertMoney(repayment, "split/1/interest", "560.00");
        assertMoney(repayment, "split/1/principal", "0");

        // one PROJECT_REPAYMENT row per facility: 2,440.00 and 560.00
        JsonNode lines = get("/api/v1/projects/{code}/ledger", r.code());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2).at("/entry/entryType").asString()).isEqualTo("PROJECT_REPAYMENT");
        assertThat(lines.get(3).at("/entry/entryType").asString()).isEqualTo("PROJECT_REPAYMENT");
        assertMoney(lines.get(2), "entry/amount", "2440.00");
        assertMoney(lines.get(3), "entry/amount", "560.00");
        assertMoney(lines.get(3), "principalOutstanding", "298960.00");
        assertMoney(lines.get(3), "interestPaidToDate", "1960.00");
    }

    @Test
    void previewShowsTheSplitARepaymentWouldGetAndPostsNothing() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();
        repay(r.code(), "50000.00", "2025-02-10");
        long ledgerRows = fx.count("ledger_entry");

        // the same 10,000.00 on 2025-03-25 as above: interest 1,205.00, principal 8,795.00
        JsonNode preview = get("/api/v1/projects/{code}/repayments/preview?amount={a}&valueDate={d}",
                r.code(), "10000.00", "2025-03-25");
        assertSplit(preview, "0", "1205.00", "8795.00");
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerRows);
    }

    @Test
    void previewOfANegativeAmountIsRefused() throws Exception {
        Fixtures.Ready r = paid200kOn20250110();

        // a repayment is > 0 (@Amount on the POST); the preview must not answer a split for −100.00
        api.get(accountant, "/api/v1/projects/{code}/repayments/preview?amount={a}&valueDate={d}",
                        r.code(), "-100.00", "2025-02-10")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    // ---- helpers

    private void pay(LoanUser reviewer, Fixtures.Ready r, String facility, String amount, String on)
            throws Exception {
        String body = """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":%s,"facilityCode":"%s"}
                """.formatted(r.code(), r.payee().id(), r.milestones().get(0).id(), amount, facility);
        long id = read(api.post(accountant, "/api/v1/disbursements", body).andExpect(status().isCreated()))
                .get("id").asLong();
        api.post(reviewer, "/api/v1/disbursements/" + id + "/approval", "{}").andExpect(status().isOk());
        api.post(accountant, "/api/v1/disbursements/" + id + "/payment",
                "{\"paidOn\":\"" + on + "\",\"voucherNo\":\"" + Fixtures.code("PZ") + "\"}")
                .andExpect(status().isOk());
    }

    private JsonNode repay(String project, String amount, String valueDate) throws Exception {
        return repay(project, amount, valueDate, Fixtures.code("HK"));
    }

    private JsonNode repay(String project, String amount, String valueDate, String voucherNo) throws Exception {
        JsonNode body = read(post(project, amount, valueDate, voucherNo).andExpect(status().isCreated()));
        assertMoney(body, "amount", amount);
        assertThat(body.get("valueDate").asString()).isEqualTo(valueDate);
        assertThat(body.get("voucherNo").asString()).isEqualTo(voucherNo);
        return body;
    }

    private ResultActions post(String project, String amount, String valueDate, String voucherNo) throws Exception {
        return api.post(accountant, "/api/v1/projects/" + project + "/repayments",
                "{\"amount\":%s,\"valueDate\":\"%s\",\"voucherNo\":\"%s\"}".formatted(amount, valueDate, voucherNo));
    }

    private JsonNode interest(String project, String asOf) throws Exception {
        JsonNode body = get("/api/v1/projects/{code}/interest?asOf={asOf}", project, asOf);
        assertThat(body.get("asOf").asString()).isEqualTo(asOf);
        return body;
    }

    private JsonNode get(String path, Object... vars) throws Exception {
        return read(api.get(accountant, path, vars).andExpect(status().isOk()));
    }

    private static JsonNode read(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static void assertSplit(JsonNode repayment, String penalty, String interest, String principal) {
        assertMoney(repayment, "penalty", penalty);
        assertMoney(repayment, "interest", interest);
        assertMoney(repayment, "principal", principal);
    }

    /** {@code path} is a JSON pointer without its leading slash, e.g. "positions/0/statement/settled". */
    private static void assertMoney(JsonNode node, String path, String expected) {
        JsonNode value = node.at("/" + path);
        // amounts travel as decimal strings with two decimals ("1960.00"), never as a JSON number (a double)
        assertThat(value.isString()).as("%s is a decimal string in %s", path, node).isTrue();
        assertThat(value.asString()).as(path).matches("-?\\d+\\.\\d{2}");
        assertThat(new BigDecimal(value.asString())).as(path).isEqualByComparingTo(expected);
    }
}
