package cn.baojiaolou.loan.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * One facility and one project on the real database, side by side with a model of what the money rules say their
 * figures must be: a few BigDecimals and a status per request, computed without the service's code. Every step runs
 * against both; a refusal the model did not expect, or an acceptance it did not, fails the step.
 */
final class MoneySystem {

    /** An odd allocation, so that every milestone's cap is rounded: 20 % of it is 24,691.356 → 24,691.36. */
    static final BigDecimal ALLOCATION = new BigDecimal("123456.78");
    static final BigDecimal FACILITY_AMOUNT = new BigDecimal("1000000.00");
    /** Less than the allocation at first: the 专户 can run short before the caps do. */
    static final BigDecimal FIRST_DRAWDOWN = new BigDecimal("60000.00");
    static final BigDecimal[] CAPS = {new BigDecimal("20"), new BigDecimal("50"), new BigDecimal("95"),
            new BigDecimal("100")};
    /** Before the first 结息日 (2023-03-20) after the first payment: a repayment is all principal. */
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 2, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2023, 3, 19);

    private final Fixtures fx;
    private final ProjectService projects;
    private final FacilityService facilities;
    private final DisbursementService disbursements;
    private final ProjectRepaymentService repayments;
    private final LoanUser accountant;
    private final LoanUser reviewer;

    final String facility;
    final String project;
    final long payeeId;
    final List<Milestone> milestones;

    // ---- the model
    LocalDate day = FIRST_DAY;
    int verified;
    BigDecimal drawn = FIRST_DRAWDOWN;
    BigDecimal paid = zero();
    BigDecimal repaid = zero();
    BigDecimal centralPrincipal = zero();
    final Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
    final Map<Long, DisbursementStatus> statuses = new LinkedHashMap<>();

    private MoneySystem(Fixtures fx) {
        this.fx = fx;
        this.projects = PropertyContext.bean(ProjectService.class);
        this.facilities = PropertyContext.bean(FacilityService.class);
        this.disbursements = PropertyContext.bean(DisbursementService.class);
        this.repayments = PropertyContext.bean(ProjectRepaymentService.class);
        this.accountant = fx.cityUser(Role.ACCOUNTANT);
        this.reviewer = fx.cityUser(Role.REVIEWER);
        Facility f = fx.facility(FACILITY_AMOUNT, Fixtures.FACILITY_START, LocalDate.of(2027, 12, 31));
        fx.drawdown(f, FIRST_DRAWDOWN, Fixtures.FACILITY_START, Fixtures.code("DD"));
        Fixtures.Ready ready = fx.readyOn(fx.district(), f, null, ALLOCATION);
        this.facility = f.code();
        this.project = ready.code();
        this.payeeId = ready.payee().id();
        this.milestones = ready.milestones();
    }

    static MoneySystem fresh() {
        return new MoneySystem(PropertyContext.bean(Fixtures.class));
    }

    // ---- the model's figures

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    BigDecimal unlocked() {
        return verified == 0 ? zero()
                : ALLOCATION.multiply(CAPS[verified - 1]).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    BigDecimal reserved() {
        return sumWhere(s -> s == DisbursementStatus.REQUESTED || s == DisbursementStatus.APPROVED);
    }

    /** What a new request may still ask for: the smaller cap, less what is paid and what is reserved. */
    BigDecimal requestable() {
        return ALLOCATION.min(unlocked()).subtract(paid).subtract(reserved()).max(zero());
    }

    BigDecimal balance() {
        return drawn.subtract(paid).add(repaid).subtract(centralPrincipal);
    }

    BigDecimal outstanding() {
        return paid.subtract(repaid);
    }

    List<Long> withStatus(DisbursementStatus status) {
        List<Long> ids = new ArrayList<>();
        statuses.forEach((id, s) -> {
            if (s == status) {
                ids.add(id);
            }
        });
        return ids;
    }

    private BigDecimal sumWhere(java.util.function.Predicate<DisbursementStatus> which) {
        BigDecimal sum = zero();
        for (Map.Entry<Long, DisbursementStatus> e : statuses.entrySet()) {
            if (which.test(e.getValue())) {
                sum = sum.add(amounts.get(e.getKey()));
            }
        }
        return sum;
    }

    // ---- the steps: each runs against the system and the model

    void advance(int days) {
        LocalDate next = day.plusDays(days);
        day = next.isAfter(LAST_DAY) ? LAST_DAY : next;
    }

    void verifyNext() {
        Milestone m = milestones.get(verified);
        expect(true, "verify " + m.name(), () -> fx.as(reviewer, () -> projects.verify(project, m.id(), day, "监理",
                "JL-" + verified, null)));
        verified++;
    }

    void request(BigDecimal amount) {
        boolean fits = amount.compareTo(requestable()) <= 0;
        Disbursement d = expect(fits, "request " + amount + " (requestable " + requestable() + ")",
                () -> fx.as(accountant, () -> disbursements.request(project, payeeId, milestones.get(0).id(), "工程款",
                        amount, null)));
        if (d != null) {
            amounts.put(d.id(), amount);
            statuses.put(d.id(), DisbursementStatus.REQUESTED);
        }
    }

    void approve(long id) {
        expect(true, "approve " + id, () -> fx.as(reviewer, () -> disbursements.approve(id, null)));
        statuses.put(id, DisbursementStatus.APPROVED);
    }

    void reject(long id) {
        expect(true, "reject " + id, () -> fx.as(reviewer, () -> disbursements.reject(id, "资料不全")));
        statuses.put(id, DisbursementStatus.REJECTED);
    }

    void pay(long id) {
        BigDecimal amount = amounts.get(id);
        boolean covered = amount.compareTo(balance()) <= 0;
        Disbursement d = expect(covered, "pay " + id + " of " + amount + " (专户 " + balance() + ")",
                () -> fx.as(accountant, () -> disbursements.pay(id, day, Fixtures.code("PZ"))));
        if (d != null) {
            statuses.put(id, DisbursementStatus.PAID);
            paid = paid.add(amount);
        }
    }

    void reverse(long id) {
        BigDecimal amount = amounts.get(id);
        boolean possible = amount.compareTo(outstanding()) <= 0;
        Disbursement d = expect(possible, "reverse " + id + " of " + amount + " (outstanding " + outstanding() + ")",
                () -> fx.as(accountant, () -> disbursements.reverse(id, "凭证有误", day)));
        if (d != null) {
            statuses.put(id, DisbursementStatus.REVERSED);
            paid = paid.subtract(amount);
        }
    }

    void repay(BigDecimal amount) {
        boolean owed = outstanding().signum() > 0 && amount.compareTo(outstanding()) <= 0;
        Object r = expect(owed, "repay " + amount + " (outstanding " + outstanding() + ")",
                () -> fx.as(accountant, () -> repayments.repay(project, amount, day, Fixtures.code("HK"))));
        if (r != null) {
            repaid = repaid.add(amount);
        }
    }

    void centralRepayment(BigDecimal principal) {
        boolean possible = principal.compareTo(drawn.subtract(centralPrincipal)) <= 0
                && principal.compareTo(balance()) <= 0;
        Object r = expect(possible, "统还 " + principal + " (专户 " + balance() + ")",
                () -> fx.as(accountant, () -> facilities.centralRepayment(facility, principal, null, day,
                        Fixtures.code("TH"))));
        if (r != null) {
            centralPrincipal = centralPrincipal.add(principal);
        }
    }

    void drawdown(BigDecimal amount) {
        boolean room = amount.compareTo(FACILITY_AMOUNT.subtract(drawn)) <= 0;
        Object r = expect(room, "drawdown " + amount, () -> fx.as(accountant, () -> facilities.drawdown(facility,
                amount, day, Fixtures.code("TK"))));
        if (r != null) {
            drawn = drawn.add(amount);
        }
    }

    private static <T> T expect(boolean accepted, String step, Supplier<T> call) {
        try {
            T result = call.get();
            assertThat(accepted).as(step + " was accepted, the model refuses it").isTrue();
            return result;
        } catch (Refusal refusal) {
            assertThat(accepted).as(step + " was refused (" + refusal.messageKey() + "), the model accepts it")
                    .isFalse();
            return null;
        }
    }

    // ---- the invariant: what the API shows equals the model

    void checkAgainstModel() {
        ProjectService.ProjectView view = fx.as(accountant, () -> projects.get(project));
        assertThat(view.allocated()).as("allocated").isEqualByComparingTo(ALLOCATION);
        assertThat(view.unlocked()).as("unlocked").isEqualByComparingTo(unlocked());
        assertThat(view.paid()).as("paid").isEqualByComparingTo(paid);
        assertThat(view.reserved()).as("reserved").isEqualByComparingTo(reserved());
        assertThat(view.requestable()).as("requestable").isEqualByComparingTo(requestable());
        assertThat(view.principalRepaid()).as("principal repaid").isEqualByComparingTo(repaid);
        assertThat(view.principalOutstanding()).as("outstanding").isEqualByComparingTo(outstanding());
        // the caps: never paid more than the allocation or what the verified milestones unlock
        assertThat(view.paid()).isLessThanOrEqualTo(view.allocated().min(view.unlocked()).max(zero()));

        FacilityService.FacilityView f = fx.as(accountant, () -> facilities.get(facility));
        assertThat(f.drawn()).as("drawn").isEqualByComparingTo(drawn);
        assertThat(f.paidToProjects()).as("paid to projects").isEqualByComparingTo(paid);
        assertThat(f.receivedFromProjects()).as("received from projects").isEqualByComparingTo(repaid);
        assertThat(f.repaidPrincipal()).as("统还 principal").isEqualByComparingTo(centralPrincipal);
        assertThat(f.accountBalance()).as("专户 balance").isEqualByComparingTo(balance());

        for (Disbursement d : fx.as(accountant, () -> disbursements.search(project, null))) {
            assertThat(d.status()).as("status of " + d.id()).isEqualTo(statuses.get(d.id()));
        }
    }

    @Override
    public String toString() {
        return "MoneySystem[" + project + " day " + day + ", verified " + verified + ", paid " + paid + ", reserved "
                + reserved() + ", repaid " + repaid + ", 专户 " + balance() + "]";
    }
}
