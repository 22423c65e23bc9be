package cn.baojiaolou.loan.audit;

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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail: every write leaves one row (who, what, which target, the state before and after, when in UTC),
 * rows are chained by SHA-256, the chain check finds any altered or removed row, and the database itself refuses to
 * update or delete ledger and audit rows.
 */
@DatabaseTest
class AuditChainTest {

    /** Exactly as in V1__ledger_schema.sql. */
    private static final String AUDIT_NO_UPDATE = """
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
              SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'""";
    private static final String AUDIT_NO_DELETE = """
            CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
              SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'""";
    private static final ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    LoanUser admin;
    LoanUser accountant;
    LoanUser reviewer;
    LoanUser auditor;

    @BeforeEach
    void users() {
        admin = fx.user(Role.ADMIN, null);
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
        auditor = fx.user(Role.AUDITOR, null);
    }

    // ---------------------------------------------------------------- every write leaves one row

    @Test
    void everyWriteLeavesOneAuditRowWithWhoWhatTargetBeforeAfterAndUtcTime() throws Exception {
        String district = Fixtures.code("D");
        String districtName = "审计区" + district;
        audited(api.post(admin, "/api/v1/districts",
                        "{\"code\":\"" + district + "\",\"name\":\"" + districtName + "\"}"),
                admin, "DISTRICT_CREATED", "district", district, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("name").asString()).isEqualTo(districtName));

        String facility = Fixtures.code("F");
        audited(api.post(accountant, "/api/v1/facilities", """
                        {"code":"%s","name":"第一批保交楼专项借款","lender":"国家开发银行","borrower":"零陵发展集团",
                         "accountNo":"62170001","amount":5000000.00,"annualRate":0.028,
                         "startDate":"2023-01-01","maturityDate":"2026-12-31"}""".formatted(facility)),
                accountant, "FACILITY_CREATED", "facility", facility, before -> assertThat(before).isNull(),
                after -> {
                    assertThat(after.get("code").asString()).isEqualTo(facility);
                    assertThat(after.get("amount").decimalValue()).isEqualByComparingTo("5000000.00");
                });

        audited(api.post(accountant, "/api/v1/facilities/" + facility + "/drawdowns",
                        "{\"amount\":\"2000000.00\",\"valueDate\":\"2023-01-05\",\"voucherNo\":\"" + Fixtures.code("TK")
                                + "\"}"),
                accountant, "DRAWDOWN_POSTED", "facility", facility,
                before -> assertThat(before.get("drawn").decimalValue()).isEqualByComparingTo("0"),
                after -> {
                    assertThat(after.get("entryType").asString()).isEqualTo("DRAWDOWN");
                    assertThat(after.get("amount").decimalValue()).isEqualByComparingTo("2000000.00");
                });

        String project = Fixtures.code("P");
        audited(api.post(accountant, "/api/v1/projects", """
                        {"code":"%s","name":"吾悦华府","district":"%s","developer":"永州新城置业有限公司",
                         "totalUnits":565,"status":"STOPPED"}""".formatted(project, district)),
                accountant, "PROJECT_CREATED", "project", project, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("name").asString()).isEqualTo("吾悦华府"));

        JsonNode payee = audited(api.post(accountant, "/api/v1/projects/" + project + "/payees", """
                        {"name":"湖南建工集团","accountNo":"%s","bankName":"中国建设银行永州分行","kind":"CONTRACTOR"}
                        """.formatted(Fixtures.code("ACC"))),
                accountant, "PAYEE_REGISTERED", "project", project, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("name").asString()).isEqualTo("湖南建工集团"));

        audited(api.post(accountant, "/api/v1/projects/" + project + "/allocations", """
                        {"facilityCode":"%s","amount":1000000.00,"approvalRef":"永政函〔2023〕8号",
                         "approvedOn":"2023-01-06"}""".formatted(facility)),
                accountant, "ALLOCATION_APPROVED", "project", project, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("amount").decimalValue()).isEqualByComparingTo("1000000.00"));

        JsonNode milestone = audited(api.post(accountant, "/api/v1/projects/" + project + "/milestones",
                        "{\"name\":\"复工\",\"plannedDate\":\"2023-03-01\",\"cumulativeCapPercent\":\"20\"}"),
                accountant, "MILESTONE_PLANNED", "project", project, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("verifiedOn").isNull()).isTrue());

        audited(api.post(reviewer, "/api/v1/projects/" + project + "/milestones/" + milestone.get("id").asLong()
                        + "/verification", "{\"verifiedOn\":\"2023-02-01\",\"inspector\":\"监理张工\","
                        + "\"evidenceRef\":\"JL-2023-017\"}"),
                reviewer, "MILESTONE_VERIFIED", "project", project,
                before -> assertThat(before.get("verifiedOn").isNull()).isTrue(),
                after -> assertThat(after.get("verifiedOn").asString()).isEqualTo("2023-02-01"));

        long first = request(project, payee, milestone, "10000.00");
        audited(api.post(reviewer, "/api/v1/disbursements/" + first + "/approval", "{\"note\":\"同意\"}"),
                reviewer, "DISBURSEMENT_APPROVED", "disbursement", String.valueOf(first),
                before -> assertThat(before.get("status").asString()).isEqualTo("REQUESTED"),
                after -> assertThat(after.get("status").asString()).isEqualTo("APPROVED"));
        audited(api.post(accountant, "/api/v1/disbursements/" + first + "/payment",
                        "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + Fixtures.code("PZ") + "\"}"),
                accountant, "DISBURSEMENT_PAID", "disbursement", String.valueOf(first),
                before -> assertThat(before.get("status").asString()).isEqualTo("APPROVED"),
                after -> {
                    assertThat(after.get("status").asString()).isEqualTo("PAID");
                    assertThat(after.get("paidBy").asString()).isEqualTo(accountant.username());
                });
        audited(api.post(accountant, "/api/v1/disbursements/" + first + "/reversal",
                        "{\"reason\":\"收款账户有误，银行退回\",\"reversedOn\":\"2023-02-11\"}"),
                accountant, "DISBURSEMENT_REVERSED", "disbursement", String.valueOf(first),
                before -> assertThat(before.get("status").asString()).isEqualTo("PAID"),
                after -> assertThat(after.get("status").asString()).isEqualTo("REVERSED"));

        long second = request(project, payee, milestone, "5000.00");
        audited(api.post(reviewer, "/api/v1/disbursements/" + second + "/rejection", "{\"reason\":\"资料不全\"}"),
                reviewer, "DISBURSEMENT_REJECTED", "disbursement", String.valueOf(second),
                before -> assertThat(before.get("status").asString()).isEqualTo("REQUESTED"),
                after -> assertThat(after.get("decisionNote").asString()).isEqualTo("资料不全"));

        long third = request(project, payee, milestone, "8000.00");
        api.post(reviewer, "/api/v1/disbursements/" + third + "/approval", "{}").andExpect(status().isOk());
        api.post(accountant, "/api/v1/disbursements/" + third + "/payment",
                "{\"paidOn\":\"2023-02-12\",\"voucherNo\":\"" + Fixtures.code("PZ") + "\"}").andExpect(status().isOk());
        audited(api.post(accountant, "/api/v1/projects/" + project + "/repayments",
                        "{\"amount\":\"1000.00\",\"valueDate\":\"2023-02-15\",\"voucherNo\":\"" + Fixtures.code("HK")
                                + "\"}"),
                accountant, "PROJECT_REPAYMENT_POSTED", "project", project, before -> assertThat(before).isNull(),
                after -> assertThat(after.get("principal").decimalValue()).isEqualByComparingTo("1000.00"));
        audited(api.post(accountant, "/api/v1/facilities/" + facility + "/repayments",
                        "{\"principal\":500000.00,\"valueDate\":\"2023-03-01\",\"voucherNo\":\"" + Fixtures.code("TH")
                                + "\"}"),
                accountant, "CENTRAL_REPAYMENT_POSTED", "facility", facility,
                before -> assertThat(before.get("drawn").decimalValue()).isEqualByComparingTo("2000000.00"),
                after -> assertThat(after.get("principal").decimalValue()).isEqualByComparingTo("500000.00"));

        // the trail can be read back by an auditor, newest first
        api.get(auditor, "/api/v1/audit-events?targetType=disbursement&targetId=" + first).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("DISBURSEMENT_REVERSED"))
                .andExpect(jsonPath("$[1].action").value("DISBURSEMENT_PAID"))
                .andExpect(jsonPath("$[2].action").value("DISBURSEMENT_APPROVED"))
                .andExpect(jsonPath("$[3].action").value("DISBURSEMENT_REQUESTED"));
        chainCheck().andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void refusalsAndFailedLoginsAreAuditedToo() throws Exception {
        long last = lastAuditId();
        api.get(accountant, "/api/v1/audit-events/chain-check").andExpect(status().isForbidden());
        Map<String, Object> denied = jdbc.queryForMap("SELECT * FROM audit_event WHERE id > ? ORDER BY id", last);
        assertThat(denied).containsEntry("username", accountant.username()).containsEntry("action", "ACCESS_DENIED")
                .containsEntry("result", "DENIED")
                .containsEntry("target_id", "GET /api/v1/audit-events/chain-check");

        last = lastAuditId();
        api.mvc().perform(get("/api/v1/projects").header("Authorization", basic(accountant.username(), "wrong")))
                .andExpect(status().isUnauthorized());
        Map<String, Object> failed = jdbc.queryForMap("SELECT * FROM audit_event WHERE id > ? ORDER BY id", last);
        assertThat(failed).containsEntry("username", accountant.username()).containsEntry("action", "LOGIN_FAILED")
                .containsEntry("result", "FAILED");

        // a name chosen by a stranger is cut to the column, without breaking the chain (a 4-byte character at the cut)
        String crafted = "x".repeat(63) + "𠮷" + "尾";
        api.mvc().perform(get("/api/v1/projects").header("Authorization", basic(crafted, "wrong")))
                .andExpect(status().isUnauthorized());
        chainCheck().andExpect(jsonPath("$.intact").value(true));
    }

    // ---------------------------------------------------------------- the chain check

    @Test
    void theChainCheckReportsIntactAndIsForAuditorsAndAdmins() throws Exception {
        fx.ready(new BigDecimal("100000.00"));
        long rows = fx.count("audit_event");
        chainCheck().andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.rowsChecked").value(org.hamcrest.Matchers.greaterThanOrEqualTo((int) rows)))
                .andExpect(jsonPath("$.firstBrokenId").doesNotExist());
        api.get(admin, "/api/v1/audit-events/chain-check").andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        api.get(accountant, "/api/v1/audit-events/chain-check").andExpect(status().isForbidden());
        api.get(reviewer, "/api/v1/audit-events/chain-check").andExpect(status().isForbidden());
    }

    @Test
    void alteringAnyRowIsDetectedAtThatRow() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("100000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        fx.paid(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("20000.00"), LocalDate.of(2023, 2, 10));
        long firstRow = jdbc.queryForObject("SELECT MIN(id) FROM audit_event", Long.class);
        long paidRow = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE action = 'DISBURSEMENT_PAID'",
                Long.class);
        long middleRow = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE action = 'ALLOCATION_APPROVED'"
                + " AND target_id = ?", Long.class, r.code());
        chainCheck().andExpect(jsonPath("$.intact").value(true));

        jdbc.execute("DROP TRIGGER audit_event_no_update");
        try {
            // the amount paid, in the after-state of the payment row
            String after = jdbc.queryForObject("SELECT after_state FROM audit_event WHERE id = ?", String.class,
                    paidRow);
            assertThat(after).contains("\"amount\":20000.00");
            tamper(paidRow, "after_state", after.replace("\"amount\":20000.00", "\"amount\":2000.00"), after);
            // who did it, when, and to what — on other rows of the chain
            tamper(middleRow, "username", "someone-else", null);
            tamper(firstRow, "target_id", "X-0", null);
            tamper(middleRow, "before_state", "{}", null);
            tamper(paidRow, "remote_addr", "10.0.0.9", null);

            jdbc.update("UPDATE audit_event SET occurred_at = occurred_at + INTERVAL 1 MICROSECOND WHERE id = ?",
                    middleRow);
            assertBrokenAt(middleRow);
            jdbc.update("UPDATE audit_event SET occurred_at = occurred_at - INTERVAL 1 MICROSECOND WHERE id = ?",
                    middleRow);
            chainCheck().andExpect(jsonPath("$.intact").value(true));
        } finally {
            restoreTrigger("audit_event_no_update", AUDIT_NO_UPDATE);
        }
        assertTrigger("audit_event_no_update", "UPDATE", "audit_event is append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET username = 'x' WHERE id = ?", paidRow))
                .isInstanceOf(DataAccessException.class);
        chainCheck().andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void removingARowFromTheMiddleIsDetected() throws Exception {
        Fixtures.Ready r = fx.ready(new BigDecimal("100000.00"));
        long victim = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE action = 'PAYEE_REGISTERED'"
                + " AND target_id = ?", Long.class, r.code());
        long next = jdbc.queryForObject("SELECT MIN(id) FROM audit_event WHERE id > ?", Long.class, victim);
        removeAndRestore(victim, () -> assertBrokenAt(next));
    }

    /**
     * Removing the newest row leaves a chain that is linked all the way through, but it no longer ends where
     * audit_chain_head says the trail ends: the check must notice.
     */
    @Test
    void removingTheNewestRowIsDetected() throws Exception {
        fx.ready(new BigDecimal("100000.00"));
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
        assertThat(jdbc.queryForObject("SELECT last_id FROM audit_chain_head WHERE id = 1", Long.class))
                .isEqualTo(newest);
        removeAndRestore(newest, () -> chainCheck().andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenId").isNotEmpty()));
    }

    // ---------------------------------------------------------------- the database refuses edits

    @Test
    void theDatabaseRefusesToUpdateOrDeleteLedgerAndAuditRows() {
        fx.ready(new BigDecimal("100000.00")); // at least one ledger row (the drawdown) and audit rows
        long ledgerRow = jdbc.queryForObject("SELECT MAX(id) FROM ledger_entry", Long.class);
        long auditRow = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
        Map<String, Object> ledgerBefore = jdbc.queryForMap("SELECT * FROM ledger_entry WHERE id = ?", ledgerRow);
        Map<String, Object> auditBefore = jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", auditRow);

        refusedByTrigger("UPDATE ledger_entry SET amount = amount + 1 WHERE id = " + ledgerRow,
                "ledger_entry is append-only");
        refusedByTrigger("UPDATE ledger_entry SET note = '改' WHERE id = " + ledgerRow, "ledger_entry is append-only");
        refusedByTrigger("DELETE FROM ledger_entry WHERE id = " + ledgerRow, "ledger_entry is append-only");
        refusedByTrigger("UPDATE audit_event SET after_state = NULL WHERE id = " + auditRow,
                "audit_event is append-only");
        refusedByTrigger("DELETE FROM audit_event WHERE id = " + auditRow, "audit_event is append-only");

        assertThat(jdbc.queryForMap("SELECT * FROM ledger_entry WHERE id = ?", ledgerRow)).isEqualTo(ledgerBefore);
        assertThat(jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", auditRow)).isEqualTo(auditBefore);
        String ledgerMessage = "ledger_entry is append-only: post a reversal instead";
        assertTrigger("ledger_entry_no_update", "UPDATE", ledgerMessage);
        assertTrigger("ledger_entry_no_delete", "DELETE", ledgerMessage);
        assertTrigger("audit_event_no_update", "UPDATE", "audit_event is append-only");
        assertTrigger("audit_event_no_delete", "DELETE", "audit_event is append-only");
    }

    // ================================================================ helpers

    /**
     * Performs a write and checks the one audit row it left: user, action, target, SUCCESS, before/after as JSON,
     * UTC time of now, the caller's address and the link to the previous row. Answers the write's JSON body.
     */
    private JsonNode audited(ResultActions call, LoanUser user, String action, String targetType, String targetId,
                             Consumer<JsonNode> before, Consumer<JsonNode> after) throws Exception {
        // the call has been performed already; its window is bounded by the previous row and now
        LocalDateTime done = LocalDateTime.now(ZoneOffset.UTC);
        String body = call.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(call.andReturn().getResponse().getStatus()).as(body).isBetween(200, 299);
        JsonNode answer = JSON.readTree(body);
        if (targetId == null) {
            targetId = answer.get("id").asString();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_event WHERE action = ? AND"
                + " target_type = ? AND target_id = ? ORDER BY id DESC LIMIT 1", action, targetType, targetId);
        assertThat(rows).as(action).hasSize(1);
        Map<String, Object> row = rows.get(0);
        long id = ((Number) row.get("id")).longValue();
        assertThat(id).as("the newest row is the one this write left").isEqualTo(lastAuditId());
        assertThat(row.get("username")).isEqualTo(user.username());
        assertThat(row.get("result")).isEqualTo("SUCCESS");
        assertThat(row.get("remote_addr")).isEqualTo("127.0.0.1");
        before.accept(json((String) row.get("before_state")));
        JsonNode afterJson = json((String) row.get("after_state"));
        assertThat(afterJson).as("after_state of " + action).isNotNull();
        after.accept(afterJson);

        LocalDateTime at = jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = ?",
                LocalDateTime.class, id);
        assertThat(Duration.between(at, done).abs()).as("occurred_at %s vs UTC now %s", at, done)
                .isLessThan(Duration.ofSeconds(30));
        Long skew = jdbc.queryForObject("SELECT ABS(TIMESTAMPDIFF(SECOND, occurred_at, UTC_TIMESTAMP(6)))"
                + " FROM audit_event WHERE id = ?", Long.class, id);
        assertThat(skew).as("occurred_at against the database's UTC clock").isLessThan(30);

        String prevHash = jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = (SELECT MAX(id) FROM"
                + " audit_event WHERE id < ?)", String.class, id);
        assertThat(row.get("prev_hash")).isEqualTo(prevHash);
        assertThat((String) row.get("hash")).hasSize(64).isNotEqualTo(prevHash);
        return answer;
    }

    private long request(String project, JsonNode payee, JsonNode milestone, String amount) throws Exception {
        String body = """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":%s}
                """.formatted(project, payee.get("id").asLong(), milestone.get("id").asLong(), amount);
        JsonNode created = audited(api.post(accountant, "/api/v1/disbursements", body), accountant,
                "DISBURSEMENT_REQUESTED", "disbursement", null, b -> assertThat(b).isNull(),
                a -> assertThat(a.get("amount").decimalValue()).isEqualByComparingTo(amount));
        return created.get("id").asLong();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private ResultActions chainCheck() throws Exception {
        return api.get(auditor, "/api/v1/audit-events/chain-check").andExpect(status().isOk());
    }

    private void assertBrokenAt(long id) throws Exception {
        chainCheck().andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenId").value(id));
    }

    /** Sets one column of one row (trigger dropped), checks the chain breaks there, and puts the value back. */
    private void tamper(long id, String column, String forged, String original) throws Exception {
        String was = original != null ? original
                : jdbc.queryForObject("SELECT " + column + " FROM audit_event WHERE id = ?", String.class, id);
        assertThat(jdbc.update("UPDATE audit_event SET " + column + " = ? WHERE id = ?", forged, id)).isEqualTo(1);
        try {
            assertBrokenAt(id);
        } finally {
            jdbc.update("UPDATE audit_event SET " + column + " = ? WHERE id = ?", was, id);
        }
        chainCheck().andExpect(jsonPath("$.intact").value(true));
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Deletes one row (delete trigger dropped), runs the check, then puts the row back as it was. */
    private void removeAndRestore(long id, Check check) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", id);
        // the time goes back as text: Connector/J drops the microseconds of values it reads from MariaDB 10.x
        String occurredAt = jdbc.queryForObject("SELECT DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f') "
                + "FROM audit_event WHERE id = ?", String.class, id);
        chainCheck().andExpect(jsonPath("$.intact").value(true));
        jdbc.execute("DROP TRIGGER audit_event_no_delete");
        try {
            assertThat(jdbc.update("DELETE FROM audit_event WHERE id = ?", id)).isEqualTo(1);
            try {
                check.run();
            } finally {
                jdbc.update("INSERT INTO audit_event (id, occurred_at, username, action, target_type, target_id,"
                                + " result, before_state, after_state, detail, remote_addr, prev_hash, hash)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"),
                        occurredAt, row.get("username"), row.get("action"), row.get("target_type"),
                        row.get("target_id"), row.get("result"), row.get("before_state"), row.get("after_state"),
                        row.get("detail"), row.get("remote_addr"), row.get("prev_hash"), row.get("hash"));
            }
        } finally {
            restoreTrigger("audit_event_no_delete", AUDIT_NO_DELETE);
        }
        assertThat(jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", id)).isEqualTo(row);
        assertTrigger("audit_event_no_delete", "DELETE", "audit_event is append-only");
        chainCheck().andExpect(jsonPath("$.intact").value(true));
    }

    private void restoreTrigger(String name, String ddl) {
        Long exists = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?", Long.class, name);
        if (exists == 0) {
            jdbc.execute(ddl);
        }
    }

    private void assertTrigger(String name, String event, String message) {
        Map<String, Object> t = jdbc.queryForMap("SELECT EVENT_MANIPULATION, ACTION_TIMING, ACTION_STATEMENT"
                + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?", name);
        assertThat(t.get("EVENT_MANIPULATION")).isEqualTo(event);
        assertThat(t.get("ACTION_TIMING")).isEqualTo("BEFORE");
        assertThat((String) t.get("ACTION_STATEMENT"))
                .isEqualTo("SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + message + "'");
    }

    private void refusedByTrigger(String sql, String message) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage())
                        .contains(message));
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
