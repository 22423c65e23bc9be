package cn.baojiaolou.batch.support;

import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.UserMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Test data for the nightly-close tests: loan-service's {@link Fixtures} (ledger data through the services, so every
 * write rule applies, shared through its test-jar), plus what arrives by another route as plain JDBC inserts: bank
 * statements, interest accruals and "data that arrived by another route" (a disbursement the API would refuse).
 * Every code is unique across the run, so tests sharing the database never see each other's rows.
 */
public class BatchFixtures extends Fixtures {

    private final JdbcTemplate jdbc;

    public BatchFixtures(DistrictService districts, FacilityService facilities, ProjectService projects,
                         DisbursementService disbursements, ProjectRepaymentService repayments, LedgerMapper ledger,
                         UserMapper users, PasswordEncoder encoder, JdbcTemplate jdbc) {
        super(districts, facilities, projects, disbursements, repayments, ledger, users, encoder, jdbc);
        this.jdbc = jdbc;
    }

    // --- findings of a test's own rows (other tests' data shares the database) -------------------------------

    public static List<Finding> ofProject(List<Finding> findings, long projectId) {
        return findings.stream().filter(f -> Objects.equals(f.projectId(), projectId)).toList();
    }

    public static List<Finding> ofFacility(List<Finding> findings, long facilityId) {
        return findings.stream().filter(f -> Objects.equals(f.facilityId(), facilityId)).toList();
    }

    public static List<Finding> withSubject(List<Finding> findings, String subjectKey) {
        return findings.stream().filter(f -> f.subjectKey().equals(subjectKey)).toList();
    }

    // --- plain JDBC ----------------------------------------------------------------------------------------------

    /** A bank_statement_import row for the facility's 专户; answers its id. */
    public long statementImport(long facilityId) {
        String name = code("stmt") + ".csv";
        return insert("INSERT INTO bank_statement_import (facility_id, file_name, file_sha256, encoding, lines_total,"
                        + " lines_imported, lines_skipped, imported_by, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
                facilityId, name, "0".repeat(64), "UTF-8", 0, 0, 0, "batch-fixture", Timestamp.valueOf(now()));
    }

    /** A statement line; answers its id. Amount and balance as strings of 元. */
    public long bankLine(long facilityId, long importId, LocalDate valueDate, String direction, String amount,
                         String counterpartyAccount, String voucherNo, String balanceAfter) {
        return bankLine(facilityId, importId, valueDate, direction, amount, "对方单位", counterpartyAccount, voucherNo,
                balanceAfter, null);
    }

    public long bankLine(long facilityId, long importId, LocalDate valueDate, String direction, String amount,
                         String counterpartyName, String counterpartyAccount, String voucherNo, String balanceAfter,
                         String memo) {
        Integer lineNo = jdbc.queryForObject("SELECT COUNT(*) + 1 FROM bank_statement_line WHERE import_id = ?",
                Integer.class, importId);
        return insert("INSERT INTO bank_statement_line (facility_id, import_id, line_no, txn_date, value_date,"
                        + " direction, amount, counterparty_name, counterparty_account, bank_serial_no, voucher_no,"
                        + " balance_after, memo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                facilityId, importId, lineNo, Date.valueOf(valueDate), Date.valueOf(valueDate), direction,
                new BigDecimal(amount), counterpartyName, counterpartyAccount, code("SN"), voucherNo,
                new BigDecimal(balanceAfter == null ? "0.00" : balanceAfter), memo);
    }

    /** The PAYMENT ledger row of a disbursement inserted with {@link #insertDisbursement}; answers its id. */
    public long insertPaymentEntry(long facilityId, long projectId, long disbursementId, BigDecimal amount,
                                   LocalDate valueDate, String voucherNo) {
        return insert("INSERT INTO ledger_entry (facility_id, project_id, entry_type, value_date, amount, principal,"
                        + " interest, penalty, account_effect, voucher_no, disbursement_id, note, created_at,"
                        + " created_by) VALUES (?,?,'PAYMENT',?,?,?,0,0,?,?,?,?,?,?)",
                facilityId, projectId, Date.valueOf(valueDate), amount, amount, amount.negate(), voucherNo,
                disbursementId, "迁移数据", Timestamp.valueOf(now()), "migration");
    }

    /** An interest_accrual row of a position at the end of a business date, settled (other fields zero). */
    public void accrual(LocalDate businessDate, long facilityId, long projectId, String principal, String interestDue,
                        String penaltyDue) {
        jdbc.update("INSERT INTO interest_accrual (business_date, facility_id, project_id, principal, period_start,"
                        + " balance_days, accrued, settled, interest_paid, interest_due, penalty_balance_days,"
                        + " penalty_settled, penalty_paid, penalty_due, settlement_pending)"
                        + " VALUES (?,?,?,?,?,0,0,?,0,?,0,?,0,?,0)",
                Date.valueOf(businessDate), facilityId, projectId, new BigDecimal(principal),
                Date.valueOf(FACILITY_START), new BigDecimal(interestDue), new BigDecimal(interestDue),
                new BigDecimal(penaltyDue), new BigDecimal(penaltyDue));
    }

    /** An interest_settlement row (结息) of a position. */
    public void settlement(LocalDate settleDate, long facilityId, long projectId, String interest, String penalty) {
        jdbc.update("INSERT INTO interest_settlement (settle_date, facility_id, project_id, period_start,"
                        + " balance_days, interest, penalty_balance_days, penalty) VALUES (?,?,?,?,0,?,0,?)",
                Date.valueOf(settleDate), facilityId, projectId, Date.valueOf(settleDate.minusMonths(3)),
                new BigDecimal(interest), new BigDecimal(penalty));
    }

    /** A bank_match row written directly (e.g. what an interrupted run had already committed). */
    public void match(long bankLineId, long ledgerEntryId, String method, LocalDate businessDate) {
        jdbc.update("INSERT INTO bank_match (bank_line_id, ledger_entry_id, method, business_date, created_at)"
                + " VALUES (?,?,?,?,?)", bankLineId, ledgerEntryId, method, Date.valueOf(businessDate),
                Timestamp.valueOf(now()));
    }

    public record Match(long bankLineId, long ledgerEntryId, String method, LocalDate businessDate) {
    }

    /** The matches of a facility's bank lines, in bank-line order. */
    public List<Match> matchesOf(long facilityId) {
        return jdbc.query("SELECT m.bank_line_id, m.ledger_entry_id, m.method, m.business_date FROM bank_match m"
                        + " JOIN bank_statement_line l ON l.id = m.bank_line_id WHERE l.facility_id = ?"
                        + " ORDER BY m.bank_line_id",
                (rs, i) -> new Match(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()),
                facilityId);
    }

    /**
     * Empties everything the nightly close derives (and Spring Batch's records), so a test closes days from a known
     * start. The incremental state goes too: with bank_match emptied it would be out of step.
     */
    public void resetNightlyTables() {
        for (String table : List.of("bank_match", "interest_accrual", "interest_settlement", "recon_exception",
                "close_checkpoint", "ledger_position_total", "match_open_line", "match_open_payment", "disbursement_flag",
                "milestone_open", "milestone_project_state", "milestone_gap", "business_day",
                "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

}
