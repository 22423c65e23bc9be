package cn.baojiaolou.batch.support;

import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for the nightly-close tests. Ledger data goes through loan-service's own services (so every write rule
 * applies), run as a city-scope user of the needed role set in the SecurityContextHolder; bank statements,
 * interest accruals and "data that arrived by another route" (a disbursement the API would refuse) are plain JDBC
 * inserts. Every code is unique across the run, so tests sharing the database never see each other's rows.
 */
public class BatchFixtures {

    public static final LocalDate FACILITY_START = LocalDate.of(2023, 1, 1);
    public static final BigDecimal FACILITY_AMOUNT = new BigDecimal("10000000.00");

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 46656, 36).toUpperCase();
    private static final LoanUser ACCOUNTANT = new LoanUser("batch-fixture-accountant", "", "", Role.ACCOUNTANT, null,
            true);
    private static final LoanUser REVIEWER = new LoanUser("batch-fixture-reviewer", "", "", Role.REVIEWER, null, true);
    private static final LoanUser ADMIN = new LoanUser("batch-fixture-admin", "", "", Role.ADMIN, null, true);

    private final DistrictService districts;
    private final FacilityService facilities;
    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final ProjectRepaymentService repayments;
    private final LedgerMapper ledger;
    private final JdbcTemplate jdbc;

    public BatchFixtures(DistrictService districts, FacilityService facilities, ProjectService projects,
                         DisbursementService disbursements, ProjectRepaymentService repayments, LedgerMapper ledger,
                         JdbcTemplate jdbc) {
        this.districts = districts;
        this.facilities = facilities;
        this.projects = projects;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** A code unique across the whole test run, e.g. "P-3K-17". */
    public static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
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

    // --- through the services ------------------------------------------------------------------------------------

    public District district() {
        String code = code("D");
        return as(ADMIN, () -> districts.create(code, "测试区" + code));
    }

    public Facility facility(BigDecimal amount, LocalDate start, LocalDate maturity) {
        String code = code("F");
        return as(ACCOUNTANT, () -> facilities.create(new FacilityService.NewFacility(code, "测试借款批次" + code,
                "国家开发银行", "测试发展集团", "6217" + Math.abs(code.hashCode()), amount, new BigDecimal("0.036"),
                start, maturity, null))).facility();
    }

    public LedgerEntry drawdown(Facility f, BigDecimal amount, LocalDate on, String voucherNo) {
        return as(ACCOUNTANT, () -> facilities.drawdown(f.code(), amount, on, voucherNo));
    }

    /** A project with developer account "DEV-{code}". */
    public Project project(District district, LocalDate expectedDelivery, int totalUnits) {
        String code = code("P");
        return as(ACCOUNTANT, () -> projects.create(new ProjectService.NewProject(code, "测试项目" + code,
                district.code(), "测试置业有限公司", "DEV-" + code, "测试建工集团", totalUnits,
                new BigDecimal("1000000.00"), expectedDelivery, ProjectStatus.RESUMED, "一楼一策", "张三", "专班")))
                .project();
    }

    public Payee payee(Project p, PayeeKind kind) {
        return payee(p, kind, code("ACC"));
    }

    public Payee payee(Project p, PayeeKind kind, String accountNo) {
        return as(ACCOUNTANT, () -> projects.addPayee(p.code(), "收款单位" + code("N"), accountNo, "中国建设银行永州分行",
                kind));
    }

    public void allocate(Project p, Facility f, BigDecimal amount, LocalDate approvedOn) {
        as(ACCOUNTANT, () -> projects.allocate(p.code(), f.code(), amount, code("PF"), approvedOn));
    }

    public Milestone milestone(Project p, String name, String capPercent, LocalDate planned) {
        return as(ACCOUNTANT, () -> projects.addMilestone(p.code(), name, planned, new BigDecimal(capPercent)));
    }

    public Milestone verify(Project p, Milestone m, LocalDate on) {
        return verify(p, m, on, null);
    }

    public Milestone verify(Project p, Milestone m, LocalDate on, Integer unitsDelivered) {
        return as(REVIEWER, () -> projects.verify(p.code(), m.id(), on, "监理张工", code("JL"), unitsDelivered));
    }

    public Disbursement approved(Project p, Payee payee, Milestone m, BigDecimal amount) {
        Disbursement d = as(ACCOUNTANT, () -> disbursements.request(p.code(), payee.id(), m.id(), "工程款", amount,
                null));
        return as(REVIEWER, () -> disbursements.approve(d.id(), null));
    }

    /** Request → approval → payment, with a fresh voucher number. */
    public Disbursement paid(Project p, Payee payee, Milestone m, BigDecimal amount, LocalDate on) {
        return paid(p, payee, m, amount, on, code("PAY"));
    }

    public Disbursement paid(Project p, Payee payee, Milestone m, BigDecimal amount, LocalDate on, String voucherNo) {
        Disbursement d = approved(p, payee, m, amount);
        return as(ACCOUNTANT, () -> disbursements.pay(d.id(), on, voucherNo));
    }

    public Disbursement reverse(Disbursement d, LocalDate on) {
        return as(ACCOUNTANT, () -> disbursements.reverse(d.id(), "银行退票", on));
    }

    public ProjectRepaymentService.Repayment repay(Project p, BigDecimal amount, LocalDate on, String voucherNo) {
        return as(ACCOUNTANT, () -> repayments.repay(p.code(), amount, on, voucherNo));
    }

    /** The PAYMENT ledger row of a paid disbursement. */
    public LedgerEntry paymentOf(Disbursement d) {
        return ledger.findPaymentOf(d.id());
    }

    public List<LedgerEntry> entriesOf(Project p) {
        return ledger.projectEntries(p.id());
    }

    /**
     * A ready project: a facility of 10,000,000.00 (2023-01-01 … 2027-12-31) fully drawn on 2023-01-01, an allocation
     * of {@code allocation} approved 2023-01-02, a contractor payee and the four default milestones (复工 20% planned
     * 2023-03-01, 主体结构封顶 50% 2023-09-01, 竣工验收 95% 2024-03-01, 交付 100% 2024-06-30), none verified; expected
     * delivery 2024-06-30, 500 homes.
     */
    public Ready ready(BigDecimal allocation) {
        District d = district();
        Facility f = facility(FACILITY_AMOUNT, FACILITY_START, LocalDate.of(2027, 12, 31));
        LedgerEntry drawdown = drawdown(f, FACILITY_AMOUNT, FACILITY_START, code("DD"));
        return readyOn(d, f, drawdown, allocation);
    }

    /** Another ready project on an existing facility. */
    public Ready readyOn(District d, Facility f, LedgerEntry drawdown, BigDecimal allocation) {
        Project p = project(d, LocalDate.of(2024, 6, 30), 500);
        allocate(p, f, allocation, LocalDate.of(2023, 1, 2));
        Payee payee = payee(p, PayeeKind.CONTRACTOR);
        List<Milestone> ms = List.of(
                milestone(p, "复工", "20", LocalDate.of(2023, 3, 1)),
                milestone(p, "主体结构封顶", "50", LocalDate.of(2023, 9, 1)),
                milestone(p, "竣工验收", "95", LocalDate.of(2024, 3, 1)),
                milestone(p, "交付", "100", LocalDate.of(2024, 6, 30)));
        return new Ready(d, f, drawdown, p, payee, ms);
    }

    public record Ready(District district, Facility facility, LedgerEntry drawdown, Project project, Payee payee,
                        List<Milestone> milestones) {

        public Milestone restart() {
            return milestones.get(0);
        }
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

    /**
     * A disbursement row written straight into the table, as data arriving by another route would be (no cap,
     * payee or purpose check). paidOn null = not paid. Answers its id.
     */
    public long insertDisbursement(long projectId, long facilityId, long payeeId, long milestoneId, String purpose,
                                   BigDecimal amount, String status, LocalDate paidOn) {
        return insert("INSERT INTO disbursement (project_id, facility_id, payee_id, milestone_id, purpose, amount,"
                        + " status, requested_by, requested_at, paid_on, voucher_no, paid_by, paid_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                projectId, facilityId, payeeId, milestoneId, purpose, amount, status, "migration",
                Timestamp.valueOf(now()), paidOn == null ? null : Date.valueOf(paidOn),
                paidOn == null ? null : code("MIG"), paidOn == null ? null : "migration",
                paidOn == null ? null : Timestamp.valueOf(now()));
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
                "business_day", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    private long insert(String sql, Object... args) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().withNano(0);
    }

    public <T> T as(LoanUser user, Callable<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
