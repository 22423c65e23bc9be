package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every write-time rule of DOMAIN.md "Money flows" and "Construction milestones", at its exact boundary, through the
 * HTTP API: reaching a cap exactly passes; one fen over is refused as problem+json and writes nothing at all.
 */
@DatabaseTest
class WriteRulesTest {

    /** The tables a refused write must leave untouched. */
    private static final List<String> TABLES = List.of("ledger_entry", "allocation", "disbursement", "audit_event",
            "milestone_verification", "idempotency_record");

    private static final ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisbursementService disbursements;

    LoanUser accountant;
    LoanUser reviewer;

    @BeforeEach
    void users() {
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
    }

    // ---------------------------------------------------------------- Σ allocations ≤ facility amount

    @Test
    void allocationsOfAFacilityMayReachItsAmountExactlyButNotOneFenMore() throws Exception {
        District d = fx.district();
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        String a = fx.project(d);
        String b = fx.project(d);

        allocate(a, facility, "600000.00").andExpect(status().isCreated());

        Map<String, Long> before = counts();
        refused(allocate(b, facility, "400000.01"), 422, "allocation.overFacility", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("最多还可核定 400,000.00 元")))
                .andExpect(jsonPath("$.detail").value(containsString("1,000,000.00")));
        assertThat(counts()).isEqualTo(before);

        assertThat(amount(allocate(b, facility, "400000.00").andExpect(status().isCreated()), "/amount"))
                .isEqualByComparingTo("400000.00");
        assertThat(jdbc.queryForObject("SELECT SUM(a.amount) FROM allocation a JOIN facility f ON f.id = a.facility_id"
                + " WHERE f.code = ?", BigDecimal.class, facility)).isEqualByComparingTo("1000000.00");

        before = counts();
        refused(allocate(a, facility, "0.01"), 422, "allocation.overFacility", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("最多还可核定 0.00 元")));
        assertThat(counts()).isEqualTo(before);
        assertThat(amount(facilityView(facility), "/allocated")).isEqualByComparingTo("1000000.00");
    }

    // ---------------------------------------------------------------- Σ drawdowns ≤ facility amount

    @Test
    void drawdownsMayReachTheFacilityAmountExactlyButNotOneFenMore() throws Exception {
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        drawdown(facility, "999999.99", "2023-01-01").andExpect(status().isCreated());

        Map<String, Long> before = counts();
        refused(drawdown(facility, "0.02", "2023-01-02"), 422, "drawdown.overFacility", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("最多还可提款 0.01 元")));
        assertThat(counts()).isEqualTo(before);

        drawdown(facility, "0.01", "2023-01-02").andExpect(status().isCreated())
                .andExpect(jsonPath("$.entryType").value("DRAWDOWN"));
        ResultActions view = facilityView(facility);
        assertThat(amount(view, "/drawn")).isEqualByComparingTo("1000000.00");
        assertThat(amount(view, "/accountBalance")).isEqualByComparingTo("1000000.00");

        before = counts();
        refused(drawdown(facility, "0.01", "2023-01-03"), 422, "drawdown.overFacility", "amount");
        assertThat(counts()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- Σ paid ≤ allocation

    @Test
    void paymentsMayReachTheAllocationExactlyButNotOneFenMore() throws Exception {
        // every milestone verified: the 100% cap equals the allocation, so the allocation is the binding rule
        Fixtures.Ready r = fx.ready(new BigDecimal("500000.00"));
        LocalDate on = LocalDate.of(2023, 2, 1);
        for (Milestone m : r.milestones()) {
            fx.verify(r.code(), m, on);
            on = on.plusDays(1);
        }
        long first = request(r, r.payee(), "300000.00").andExpect(status().isCreated()).id();
        approve(first);
        pay(first, "2023-03-01").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));

        // a request may take the rest exactly, not one fen more
        Map<String, Long> before = counts();
        refused(request(r, r.payee(), "200000.01").actions, 422, "disbursement.overAllocation", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("超额度拨付")))
                .andExpect(jsonPath("$.detail").value(containsString("最多还可拨付 200,000.00 元")));
        assertThat(counts()).isEqualTo(before);

        long exact = request(r, r.payee(), "200000.00").andExpect(status().isCreated()).id();
        approve(exact);
        pay(exact, "2023-03-01").andExpect(status().isOk());
        ResultActions view = projectView(r.code());
        assertThat(amount(view, "/paid")).isEqualByComparingTo("500000.00");
        assertThat(amount(view, "/allocated")).isEqualByComparingTo("500000.00");
        assertThat(amount(view, "/unlocked")).isEqualByComparingTo("500000.00");

        before = counts();
        refused(request(r, r.payee(), "0.01").actions, 422, "disbursement.overAllocation", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("最多还可拨付 0.00 元")));
        assertThat(counts()).isEqualTo(before);

        // the payment checks the caps again: an approved request that arrived by another route (migrated data)
        // and no longer fits is refused at payment, one fen over, and stays approved
        long migrated = fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(),
                r.restart().id(), "工程款", new BigDecimal("0.01"), "APPROVED", null);
        before = counts();
        refused(pay(migrated, "2023-03-02"), 422, "disbursement.overAllocation", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("最多还可拨付 0.00 元")));
        assertThat(counts()).isEqualTo(before);
        assertThat(statusOf(migrated)).isEqualTo("APPROVED");
    }

    // ---------------------------------------------------------------- the 专户 is never overdrawn

    @Test
    void paymentMayEmptyTheDedicatedAccountExactlyButNeverOverdrawIt() throws Exception {
        District d = fx.district();
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        fx.drawdown(facility, new BigDecimal("100000.00"), LocalDate.of(2023, 1, 1));
        String project = fx.project(d);
        fx.allocate(project, facility, new BigDecimal("500000.00"), LocalDate.of(2023, 1, 2));
        Payee payee = fx.payee(project, PayeeKind.CONTRACTOR);
        Milestone all = fx.milestone(project, "交付", "100", LocalDate.of(2023, 6, 30));
        fx.verify(project, all, LocalDate.of(2023, 1, 3));
        Fixtures.Ready r = fx.readyOf(d, facility, project, payee, List.of(all));

        // caps (allocation 500,000, unlocked 500,000) allow it; only the 专户 (100,000.00) does not
        long over = request(r, payee, "100000.01").andExpect(status().isCreated()).id();
        approve(over);
        Map<String, Long> before = counts();
        refused(pay(over, "2023-01-10"), 422, "account.overdraftPayment", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("当前最多可付 100,000.00 元")));
        assertThat(counts()).isEqualTo(before);
        assertThat(statusOf(over)).isEqualTo("APPROVED");

        long exact = request(r, payee, "100000.00").andExpect(status().isCreated()).id();
        approve(exact);
        pay(exact, "2023-01-10").andExpect(status().isOk());
        assertThat(amount(facilityView(facility), "/accountBalance")).isEqualByComparingTo("0.00");

        long fen = request(r, payee, "0.01").andExpect(status().isCreated()).id();
        approve(fen);
        before = counts();
        refused(pay(fen, "2023-01-10"), 422, "account.overdraftPayment", "amount")
                .andExpect(jsonPath("$.detail").value(containsString("当前最多可付 0.00 元")));
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT SUM(account_effect) FROM ledger_entry l JOIN facility f"
                + " ON f.id = l.facility_id WHERE f.code = ?", BigDecimal.class, facility)).isEqualByComparingTo("0");
    }

    // ---------------------------------------------------------------- registered payees only

    @Test
    void onlyPayeesRegisteredForTheProjectCanBePaid() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        Fixtures.Ready other = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));

        Map<String, Long> before = counts();
        refused(request(r, other.payee(), "1000.00").actions, 422, "disbursement.payeeNotRegistered", "payeeId")
                .andExpect(jsonPath("$.detail").value(containsString(String.valueOf(other.payee().id()))));
        assertThat(counts()).isEqualTo(before);

        Payee ghost = new Payee(999_999_999L, 0, "不存在", "0", "无", PayeeKind.CONTRACTOR);
        refused(request(r, ghost, "1000.00").actions, 422, "disbursement.payeeNotRegistered", "payeeId");
        assertThat(counts()).isEqualTo(before);

        request(r, r.payee(), "1000.00").andExpect(status().isCreated());
    }

    // ---------------------------------------------------------------- 新老划断: allowed purposes only

    @Test
    void prohibitedPurposesAreRefusedAsOldDebtAndUnknownOnesAsUnknown() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));

        Map<String, Long> before = counts();
        for (String prohibited : List.of("偿还旧债", "税费", "其他贷款")) {
            refused(request(r, r.payee(), "1000.00", prohibited).actions, 422, "disbursement.purposeProhibited",
                    "purpose")
                    .andExpect(jsonPath("$.detail").value(containsString("新老划断")))
                    .andExpect(jsonPath("$.detail").value(containsString(prohibited)))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("新老划断")));
            assertThat(counts()).as(prohibited).isEqualTo(before);
        }
        refused(request(r, r.payee(), "1000.00", "装修费").actions, 422, "disbursement.purposeUnknown", "purpose")
                .andExpect(jsonPath("$.detail").value(containsString("装修费")))
                .andExpect(jsonPath("$.detail").value(containsString("工程款、材料款、农民工工资、设备款、其他续建费用")));
        assertThat(counts()).isEqualTo(before);

        for (String allowed : List.of("工程款", "材料款", "农民工工资", "设备款", "其他续建费用")) {
            request(r, r.payee(), "1000.00", allowed).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.purpose").value(allowed));
        }
    }

    // ---------------------------------------------------------------- maker ≠ checker

    @Test
    void theUserWhoRequestedCannotApproveOrRejectTheirOwnRequest() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        // a reviewer who made the request when they were still an accountant: the rule is about the person, not
        // the role
        LoanUser maker = fx.user(Role.REVIEWER, null);
        Disbursement d = fx.as(Fixtures.withRole(maker, Role.ACCOUNTANT), () -> disbursements.request(r.code(), r.payee().id(),
                r.milestones().get(0).id(), "工程款", new BigDecimal("1000.00"), null));
        assertThat(d.requestedBy()).isEqualTo(maker.username());

        Map<String, Long> before = counts();
        long lastAudit = lastAuditId();
        refused(api.post(maker, "/api/v1/disbursements/" + d.id() + "/approval", "{}"), 403,
                "disbursement.makerIsChecker", null)
                .andExpect(jsonPath("$.detail").value(containsString("经办与复核分离")));
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(counts()).isEqualTo(expected);
        Map<String, Object> audit = jdbc.queryForMap("SELECT * FROM audit_event WHERE id > ? ORDER BY id", lastAudit);
        assertThat(audit.get("username")).isEqualTo(maker.username());
        assertThat(audit.get("action")).isEqualTo("DISBURSEMENT_APPROVED");
        assertThat(audit.get("result")).isEqualTo("DENIED");
        assertThat(audit.get("target_type")).isEqualTo("disbursement");
        assertThat(audit.get("target_id")).isEqualTo(String.valueOf(d.id()));
        assertThat(audit.get("detail")).isEqualTo("maker = checker");
        assertThat(statusOf(d.id())).isEqualTo("REQUESTED");

        refused(api.post(maker, "/api/v1/disbursements/" + d.id() + "/rejection", "{\"reason\":\"自己驳回\"}"), 403,
                "disbursement.makerIsChecker", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id > ? AND username = ? AND result"
                + " = 'DENIED' AND target_id = ?", Long.class, lastAudit, maker.username(), String.valueOf(d.id())))
                .isEqualTo(2);
        assertThat(statusOf(d.id())).isEqualTo("REQUESTED");

        api.post(reviewer, "/api/v1/disbursements/" + d.id() + "/approval", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(reviewer.username()));
    }

    // ---------------------------------------------------------------- reversal: only PAID, only once

    @Test
    void aPaymentIsReversedOnceByACompensatingRowAndThePaymentRowStaysAsItWas() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        Disbursement paid = fx.paid(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("123456.78"),
                LocalDate.of(2023, 2, 10));
        Map<String, Object> paymentRow = jdbc.queryForMap("SELECT * FROM ledger_entry WHERE disbursement_id = ?",
                paid.id());
        assertThat(paymentRow.get("entry_type")).isEqualTo("PAYMENT");

        Map<String, Long> before = counts();
        reverse(paid.id(), "2023-02-12").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVERSED"))
                .andExpect(jsonPath("$.reversedOn").value("2023-02-12"));
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("ledger_entry", 1L, Long::sum);
        expected.merge("audit_event", 1L, Long::sum);
        expected.merge("idempotency_record", 1L, Long::sum);
        assertThat(counts()).isEqualTo(expected);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM ledger_entry WHERE disbursement_id = ?"
                + " ORDER BY id", paid.id());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(paymentRow);
        Map<String, Object> reversal = rows.get(1);
        assertThat(reversal.get("entry_type")).isEqualTo("PAYMENT_REVERSAL");
        assertThat(reversal.get("reverses_entry_id")).isEqualTo(paymentRow.get("id"));
        assertThat((BigDecimal) reversal.get("amount")).isEqualByComparingTo("123456.78");
        assertThat((BigDecimal) reversal.get("principal")).isEqualByComparingTo("-123456.78");
        assertThat((BigDecimal) reversal.get("account_effect")).isEqualByComparingTo("123456.78");
        assertThat((BigDecimal) paymentRow.get("account_effect")).isEqualByComparingTo("-123456.78");
        assertThat(reversal.get("value_date").toString()).isEqualTo("2023-02-12");
        assertThat(amount(projectView(r.code()), "/paid")).isEqualByComparingTo("0.00");

        before = counts();
        refused(reverse(paid.id(), "2023-02-13"), 409, "disbursement.notReversible", null)
                .andExpect(jsonPath("$.detail").value(containsString("REVERSED")));
        assertThat(counts()).isEqualTo(before);

        Disbursement requested = fx.as(fx.cityUser(Role.ACCOUNTANT), () -> disbursements.request(
                r.code(), r.payee().id(), r.milestones().get(0).id(), "工程款", new BigDecimal("1000.00"), null));
        refused(reverse(requested.id(), "2023-02-13"), 409, "disbursement.notReversible", null)
                .andExpect(jsonPath("$.detail").value(containsString("REQUESTED")));
        Disbursement approved = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("1000.00"));
        before = counts();
        refused(reverse(approved.id(), "2023-02-13"), 409, "disbursement.notReversible", null)
                .andExpect(jsonPath("$.detail").value(containsString("APPROVED")));
        assertThat(counts()).isEqualTo(before);
        assertThat(statusOf(requested.id())).isEqualTo("REQUESTED");
        assertThat(statusOf(approved.id())).isEqualTo("APPROVED");
    }

    // ---------------------------------------------------------------- milestones: in order, once

    @Test
    void milestonesAreVerifiedOnlyInOrderAndOnlyOnce() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        List<Milestone> ms = r.milestones();

        Map<String, Long> before = counts();
        refused(verify(r.code(), ms.get(1), "2023-02-01"), 422, "milestone.previousNotVerified", null)
                .andExpect(jsonPath("$.detail").value(containsString("复工")));
        refused(verify(r.code(), ms.get(3), "2023-02-01"), 422, "milestone.previousNotVerified", null)
                .andExpect(jsonPath("$.detail").value(containsString("复工")));
        assertThat(counts()).isEqualTo(before);

        verify(r.code(), ms.get(0), "2023-02-01").andExpect(status().isCreated())
                .andExpect(jsonPath("$.verifiedOn").value("2023-02-01"))
                .andExpect(jsonPath("$.verifiedBy").value(reviewer.username()));

        before = counts();
        refused(verify(r.code(), ms.get(0), "2023-02-02"), 409, "milestone.alreadyVerified", null)
                .andExpect(jsonPath("$.detail").value(containsString("2023-02-01")));
        refused(verify(r.code(), ms.get(2), "2023-02-02"), 422, "milestone.previousNotVerified", null)
                .andExpect(jsonPath("$.detail").value(containsString("主体结构封顶")));
        assertThat(counts()).isEqualTo(before);

        verify(r.code(), ms.get(1), "2023-02-02").andExpect(status().isCreated());
        ResultActions view = projectView(r.code());
        assertThat(amount(view, "/capPercent")).isEqualByComparingTo("50");
        assertThat(amount(view, "/unlocked")).isEqualByComparingTo("500000.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM milestone_verification WHERE milestone_id = ?",
                Long.class, ms.get(0).id())).isEqualTo(1);
    }

    // ================================================================ helpers

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, fx.count(t));
        }
        return counts;
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    /** Asserts the RFC 9457 shape of a refusal: status, problem+json, code, title, detail, and the field at fault. */
    private ResultActions refused(ResultActions result, int status, String code, String field) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("urn:bjl:problem:" + code))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        } else {
            result.andExpect(jsonPath("$.errors").doesNotExist());
        }
        return result;
    }

    private ResultActions allocate(String project, String facility, String amount) throws Exception {
        return api.post(accountant, "/api/v1/projects/" + project + "/allocations", """
                {"facilityCode":"%s","amount":%s,"approvalRef":"永政函〔2023〕%s号","approvedOn":"2023-01-02"}
                """.formatted(facility, amount, Fixtures.code("PF")));
    }

    private ResultActions drawdown(String facility, String amount, String on) throws Exception {
        return api.post(accountant, "/api/v1/facilities/" + facility + "/drawdowns", """
                {"amount":%s,"valueDate":"%s","voucherNo":"%s"}
                """.formatted(amount, on, Fixtures.code("TK")));
    }

    private ResultActions facilityView(String facility) throws Exception {
        return api.get(accountant, "/api/v1/facilities/{code}", facility).andExpect(status().isOk());
    }

    private ResultActions projectView(String project) throws Exception {
        return api.get(accountant, "/api/v1/projects/{code}", project).andExpect(status().isOk());
    }

    private Created request(Fixtures.Ready r, Payee payee, String amount) throws Exception {
        return request(r, payee, amount, "工程款");
    }

    private Created request(Fixtures.Ready r, Payee payee, String amount, String purpose) throws Exception {
        String body = """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"%s","amount":%s}
                """.formatted(r.code(), payee.id(), r.milestones().get(0).id(), purpose, amount);
        return new Created(api.post(accountant, "/api/v1/disbursements", body));
    }

    private void approve(long id) throws Exception {
        api.post(reviewer, "/api/v1/disbursements/" + id + "/approval", "{}").andExpect(status().isOk());
    }

    private ResultActions pay(long id, String on) throws Exception {
        return api.post(accountant, "/api/v1/disbursements/" + id + "/payment",
                "{\"paidOn\":\"" + on + "\",\"voucherNo\":\"" + Fixtures.code("PZ") + "\"}");
    }

    private ResultActions reverse(long id, String on) throws Exception {
        return api.post(accountant, "/api/v1/disbursements/" + id + "/reversal",
                "{\"reason\":\"银行退票\",\"reversedOn\":\"" + on + "\"}");
    }

    private ResultActions verify(String project, Milestone m, String on) throws Exception {
        return api.post(reviewer, "/api/v1/projects/" + project + "/milestones/" + m.id() + "/verification",
                "{\"verifiedOn\":\"" + on + "\",\"inspector\":\"监理王工\",\"evidenceRef\":\"" + Fixtures.code("JL")
                        + "\"}");
    }

    /** A decimal of a JSON answer: the API writes them as strings ("400000.00"), so nothing passes through a double. */
    private static BigDecimal amount(ResultActions result, String pointer) throws Exception {
        String json = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode node = JSON.readTree(json).at(pointer);
        assertThat(node.isString()).as(pointer + " in " + json).isTrue();
        assertThat(node.asString()).as(pointer).matches("-?\\d+\\.\\d+");
        return new BigDecimal(node.asString());
    }

    private String statusOf(long disbursementId) {
        return jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, disbursementId);
    }

    /** A POST answer whose created id can be read once its status was checked. */
    private static final class Created {
        final ResultActions actions;

        Created(ResultActions actions) {
            this.actions = actions;
        }

        Created andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
            actions.andExpect(matcher);
            return this;
        }

        long id() throws Exception {
            String json = actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            return ((Number) JsonPath.read(json, "$.id")).longValue();
        }
    }
}
