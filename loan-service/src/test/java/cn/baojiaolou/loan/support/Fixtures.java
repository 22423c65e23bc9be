package cn.baojiaolou.loan.support;

import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.UserMapper;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test data through the same services the API uses (so every rule applies), each piece with a unique code.
 * Service calls run as a city-scope user of the needed role; {@link #as} runs anything as a given user. Shared with
 * batch-jobs' tests through loan-service's test-jar (batch-jobs' BatchFixtures adds the rows that arrive by other
 * routes: bank lines, accruals, migrated data).
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "test-password-1";
    public static final LocalDate FACILITY_START = LocalDate.of(2023, 1, 1);
    public static final BigDecimal FACILITY_AMOUNT = new BigDecimal("10000000.00");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 46656, 36).toUpperCase();
    private static final String[] CITY_NAMES = {"fixture-accountant", "fixture-reviewer", "fixture-auditor",
            "fixture-admin", "fixture-system"};

    private final DistrictService districts;
    private final FacilityService facilities;
    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final ProjectRepaymentService repayments;
    private final LedgerMapper ledger;
    private final UserMapper users;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    private String encodedPassword;

    public Fixtures(DistrictService districts, FacilityService facilities, ProjectService projects,
                    DisbursementService disbursements, ProjectRepaymentService repayments, LedgerMapper ledger,
                    UserMapper users, PasswordEncoder encoder, JdbcTemplate jdbc) {
        this.districts = districts;
        this.facilities = facilities;
        this.projects = projects;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.ledger = ledger;
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    /** A code unique across the whole test run, e.g. "P-3K-17". */
    public static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    // --- users ---------------------------------------------------------------------------------------------------

    /** A user with the password {@link #PASSWORD}; districtId null = city scope. */
    public LoanUser user(Role role, Long districtId) {
        if (encodedPassword == null) {
            encodedPassword = encoder.encode(PASSWORD);
        }
        String name = code(role.name().toLowerCase());
        users.insert(name, encodedPassword, "测试" + role.name(), role, districtId,
                LocalDateTime.now(ZoneOffset.UTC));
        return users.findByUsername(name);
    }

    /** A system client (系统账户): no password, API tokens only. */
    public LoanUser serviceAccount(Role role, Long districtId) {
        String name = code("svc");
        users.insertServiceAccount(name, "系统账户" + role.name(), role, districtId, LocalDateTime.now(ZoneOffset.UTC));
        return users.findByUsername(name);
    }

    /** A city-scope user of {@code role} that exists only in the security context (no app_user row). */
    public LoanUser cityUser(Role role) {
        return new LoanUser(CITY_NAMES[role.ordinal()], "", "", role, null, true);
    }

    /** The same person holding another role (roles change: an accountant becomes a reviewer). */
    public static LoanUser withRole(LoanUser user, Role role) {
        return new LoanUser(user.username(), user.passwordHash(), user.displayName(), role, user.districtId(),
                user.enabled());
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

    private <T> T accountant(Callable<T> work) {
        return as(cityUser(Role.ACCOUNTANT), work);
    }

    private <T> T reviewer(Callable<T> work) {
        return as(cityUser(Role.REVIEWER), work);
    }

    // --- districts, facilities, projects -------------------------------------------------------------------------

    public District district() {
        String code = code("D");
        return as(cityUser(Role.ADMIN), () -> districts.create(code, "测试区" + code));
    }

    /** A facility at {@code annualRate} (e.g. "0.036"); answers its code. */
    public String facility(BigDecimal amount, String annualRate, LocalDate start, LocalDate maturity) {
        return facilityAt(amount, annualRate, start, maturity).code();
    }

    /** A facility at 3.6 %. */
    public Facility facility(BigDecimal amount, LocalDate start, LocalDate maturity) {
        return facilityAt(amount, "0.036", start, maturity);
    }

    private Facility facilityAt(BigDecimal amount, String annualRate, LocalDate start, LocalDate maturity) {
        String code = code("F");
        return accountant(() -> facilities.create(new FacilityService.NewFacility(code, "测试借款批次" + code,
                "国家开发银行", "测试发展集团", "6217" + Math.abs(code.hashCode()), amount, new BigDecimal(annualRate),
                start, maturity, null))).facility();
    }

    public LedgerEntry drawdown(String facility, BigDecimal amount, LocalDate on) {
        return drawdown(facility, amount, on, code("V"));
    }

    public LedgerEntry drawdown(String facility, BigDecimal amount, LocalDate on, String voucherNo) {
        return accountant(() -> facilities.drawdown(facility, amount, on, voucherNo));
    }

    public LedgerEntry drawdown(Facility f, BigDecimal amount, LocalDate on, String voucherNo) {
        return drawdown(f.code(), amount, on, voucherNo);
    }

    /** A project (复工, 500 homes, delivery expected 2024-06-30) with developer account "DEV-{code}"; its code. */
    public String project(District district) {
        return project(district, LocalDate.of(2024, 6, 30), 500).code();
    }

    public Project project(District district, LocalDate expectedDelivery, int totalUnits) {
        String code = code("P");
        return accountant(() -> projects.create(new ProjectService.NewProject(code, "测试项目" + code,
                district.code(), "测试置业有限公司", "DEV-" + code, "测试建工集团", totalUnits,
                new BigDecimal("1000000.00"), expectedDelivery, ProjectStatus.RESUMED, "一楼一策", "张三", "专班")))
                .project();
    }

    public Payee payee(String project, PayeeKind kind) {
        return payee(project, kind, code("ACC"));
    }

    public Payee payee(String project, PayeeKind kind, String accountNo) {
        return accountant(() -> projects.addPayee(project, "收款单位" + code("N"), accountNo, "中国建设银行永州分行",
                kind));
    }

    public Payee payee(Project p, PayeeKind kind) {
        return payee(p.code(), kind);
    }

    public Payee payee(Project p, PayeeKind kind, String accountNo) {
        return payee(p.code(), kind, accountNo);
    }

    public void allocate(String project, String facility, BigDecimal amount, LocalDate approvedOn) {
        accountant(() -> projects.allocate(project, facility, amount, code("PF"), approvedOn));
    }

    public void allocate(Project p, Facility f, BigDecimal amount, LocalDate approvedOn) {
        allocate(p.code(), f.code(), amount, approvedOn);
    }

    public Milestone milestone(String project, String name, String capPercent, LocalDate planned) {
        return accountant(() -> projects.addMilestone(project, name, planned, new BigDecimal(capPercent)));
    }

    public Milestone milestone(Project p, String name, String capPercent, LocalDate planned) {
        return milestone(p.code(), name, capPercent, planned);
    }

    public Milestone verify(String project, Milestone m, LocalDate on) {
        return verify(project, m, on, null);
    }

    public Milestone verify(String project, Milestone m, LocalDate on, Integer unitsDelivered) {
        return reviewer(() -> projects.verify(project, m.id(), on, "监理张工", code("JL"), unitsDelivered));
    }

    public Milestone verify(Project p, Milestone m, LocalDate on) {
        return verify(p.code(), m, on, null);
    }

    public Milestone verify(Project p, Milestone m, LocalDate on, Integer unitsDelivered) {
        return verify(p.code(), m, on, unitsDelivered);
    }

    // --- money -----------------------------------------------------------------------------------------------------

    public Disbursement approved(String project, Payee payee, Milestone m, BigDecimal amount) {
        Disbursement d = accountant(() -> disbursements.request(project, payee.id(), m.id(), "工程款", amount, null));
        return reviewer(() -> disbursements.approve(d.id(), null));
    }

    public Disbursement approved(Project p, Payee payee, Milestone m, BigDecimal amount) {
        return approved(p.code(), payee, m, amount);
    }

    /** Request → approval → payment, with a fresh voucher number. */
    public Disbursement paid(String project, Payee payee, Milestone m, BigDecimal amount, LocalDate on) {
        return paid(project, payee, m, amount, on, code("PAY"));
    }

    public Disbursement paid(String project, Payee payee, Milestone m, BigDecimal amount, LocalDate on,
                             String voucherNo) {
        Disbursement d = approved(project, payee, m, amount);
        return accountant(() -> disbursements.pay(d.id(), on, voucherNo));
    }

    public Disbursement paid(Project p, Payee payee, Milestone m, BigDecimal amount, LocalDate on) {
        return paid(p.code(), payee, m, amount, on);
    }

    public Disbursement paid(Project p, Payee payee, Milestone m, BigDecimal amount, LocalDate on, String voucherNo) {
        return paid(p.code(), payee, m, amount, on, voucherNo);
    }

    public Disbursement reverse(Disbursement d, LocalDate on) {
        return accountant(() -> disbursements.reverse(d.id(), "银行退票", on));
    }

    public ProjectRepaymentService.Repayment repay(Project p, BigDecimal amount, LocalDate on, String voucherNo) {
        return accountant(() -> repayments.repay(p.code(), amount, on, voucherNo));
    }

    /** The PAYMENT ledger row of a paid disbursement. */
    public LedgerEntry paymentOf(Disbursement d) {
        return ledger.findPaymentOf(d.id());
    }

    public List<LedgerEntry> entriesOf(Project p) {
        return ledger.projectEntries(p.id());
    }

    // --- a ready project -------------------------------------------------------------------------------------------

    /**
     * A ready project: a facility of 10,000,000.00 at 3.6 % (2023-01-01 … 2027-12-31) fully drawn on 2023-01-01, an
     * allocation of {@code allocation} approved 2023-01-02, a contractor payee and the four default milestones (复工
     * 20% planned 2023-03-01, 主体结构封顶 50% 2023-09-01, 竣工验收 95% 2024-03-01, 交付 100% 2024-06-30), none
     * verified; expected delivery 2024-06-30, 500 homes.
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

    /** A Ready of pieces a test put together itself (no drawdown of its own to name). */
    public Ready readyOf(District d, String facility, String project, Payee payee, List<Milestone> milestones) {
        return new Ready(d, accountant(() -> facilities.require(facility)), null,
                accountant(() -> projects.get(project)).project(), payee, milestones);
    }

    public record Ready(District district, Facility facility, LedgerEntry drawdown, Project project, Payee payee,
                        List<Milestone> milestones) {

        /** The project's code, for the API and the services that take one. */
        public String code() {
            return project.code();
        }

        public String facilityCode() {
            return facility.code();
        }

        /** The first milestone, 复工 (20 %). */
        public Milestone restart() {
            return milestones.get(0);
        }
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

    protected long insert(String sql, Object... args) {
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

    protected static LocalDateTime now() {
        return LocalDateTime.now().withNano(0);
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
