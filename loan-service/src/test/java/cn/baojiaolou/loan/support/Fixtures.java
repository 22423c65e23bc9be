package cn.baojiaolou.loan.support;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.UserMapper;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test data through the same services the API uses (so every rule applies), each piece with a unique code.
 * Service calls run as a city-scope user of the needed role; {@link #as} runs anything as a given user.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 46656, 36).toUpperCase();

    private final DistrictService districts;
    private final FacilityService facilities;
    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final UserMapper users;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    private String encodedPassword;

    public Fixtures(DistrictService districts, FacilityService facilities, ProjectService projects,
                    DisbursementService disbursements, UserMapper users, PasswordEncoder encoder, JdbcTemplate jdbc) {
        this.districts = districts;
        this.facilities = facilities;
        this.projects = projects;
        this.disbursements = disbursements;
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    /** A code unique across the whole test run, e.g. "P-3K-17". */
    public static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public District district() {
        String code = code("D");
        return as(cityUser(Role.ADMIN), () -> districts.create(code, "测试区" + code));
    }

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

    public LoanUser cityUser(Role role) {
        return new LoanUser(CITY_NAMES[role.ordinal()], "", "", role, null, true);
    }

    private static final String[] CITY_NAMES = {"fixture-accountant", "fixture-reviewer", "fixture-auditor",
            "fixture-admin"};

    public String facility(BigDecimal amount, String annualRate, LocalDate start, LocalDate maturity) {
        String code = code("F");
        as(cityUser(Role.ACCOUNTANT), () -> facilities.create(new FacilityService.NewFacility(code, "测试借款批次",
                "国家开发银行", "测试发展集团", "6217" + Math.abs(code.hashCode()), amount, new BigDecimal(annualRate),
                start, maturity, null)));
        return code;
    }

    public void drawdown(String facility, BigDecimal amount, LocalDate on) {
        as(cityUser(Role.ACCOUNTANT), () -> facilities.drawdown(facility, amount, on, code("V")));
    }

    public String project(District district) {
        String code = code("P");
        as(cityUser(Role.ACCOUNTANT), () -> projects.create(new ProjectService.NewProject(code, "测试项目" + code,
                district.code(), "测试置业有限公司", "DEV-" + code, "测试建工集团", 500, new BigDecimal("1000000.00"),
                LocalDate.of(2024, 6, 30), ProjectStatus.STOPPED, "一楼一策", "张三", "专班")));
        return code;
    }

    public Payee payee(String project, PayeeKind kind) {
        return as(cityUser(Role.ACCOUNTANT), () -> projects.addPayee(project, "收款单位" + code("N"),
                code("ACC"), "中国建设银行永州分行", kind));
    }

    public void allocate(String project, String facility, BigDecimal amount, LocalDate on) {
        as(cityUser(Role.ACCOUNTANT), () -> projects.allocate(project, facility, amount, code("PF"), on));
    }

    public Milestone milestone(String project, String name, String capPercent, LocalDate planned) {
        return as(cityUser(Role.ACCOUNTANT), () -> projects.addMilestone(project, name, planned,
                new BigDecimal(capPercent)));
    }

    public Milestone verify(String project, Milestone m, LocalDate on) {
        return as(cityUser(Role.REVIEWER), () -> projects.verify(project, m.id(), on, "监理张工", code("JL"), null));
    }

    /** A disbursement taken through request → approval → payment. */
    public Disbursement paid(String project, Payee payee, Milestone m, BigDecimal amount, LocalDate on) {
        Disbursement d = approved(project, payee, m, amount);
        return as(cityUser(Role.ACCOUNTANT), () -> disbursements.pay(d.id(), on, code("PAY")));
    }

    public Disbursement approved(String project, Payee payee, Milestone m, BigDecimal amount) {
        Disbursement d = as(cityUser(Role.ACCOUNTANT), () -> disbursements.request(project, payee.id(), m.id(),
                "工程款", amount, null));
        return as(cityUser(Role.REVIEWER), () -> disbursements.approve(d.id(), null));
    }

    /**
     * A ready project: a facility of 10,000,000.00 at 3.6% (2023-01-01 … 2027-12-31) fully drawn on 2023-01-01,
     * an allocation of {@code allocation} to a new project, a contractor payee and the four default milestones,
     * none verified.
     */
    public Ready ready(BigDecimal allocation) {
        District d = district();
        String facility = facility(new BigDecimal("10000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        drawdown(facility, new BigDecimal("10000000.00"), LocalDate.of(2023, 1, 1));
        String project = project(d);
        allocate(project, facility, allocation, LocalDate.of(2023, 1, 2));
        Payee payee = payee(project, PayeeKind.CONTRACTOR);
        List<Milestone> ms = List.of(
                milestone(project, "复工", "20", LocalDate.of(2023, 3, 1)),
                milestone(project, "主体结构封顶", "50", LocalDate.of(2023, 9, 1)),
                milestone(project, "竣工验收", "95", LocalDate.of(2024, 3, 1)),
                milestone(project, "交付", "100", LocalDate.of(2024, 6, 30)));
        return new Ready(d, facility, project, payee, ms);
    }

    public record Ready(District district, String facility, String project, Payee payee, List<Milestone> milestones) {
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
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
