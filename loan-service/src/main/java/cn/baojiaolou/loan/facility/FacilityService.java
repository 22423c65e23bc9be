package cn.baojiaolou.loan.facility;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.facility.Facility;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.court.AccountHolds;
import cn.baojiaolou.loan.domain.disbursement.PaymentLimits;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.DueAmounts;
import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.domain.interest.PositionInterest;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.FacilityTotals;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.ledger.LedgerPostings;
import cn.baojiaolou.loan.domain.ledger.ValueDates;
import cn.baojiaolou.loan.domain.repayment.RepaymentWaterfall;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Facilities, drawdowns (提款) and central repayments (统还). Facilities are city-level: district users only read. */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class FacilityService {

    public static final BigDecimal DEFAULT_PENALTY_MARKUP = new BigDecimal("0.5");

    private final FacilityMapper facilities;
    private final LedgerMapper ledger;
    private final LedgerPostings postings;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final FacilityTerms terms;
    private final TermChangeMapper termChanges;

    public FacilityService(FacilityMapper facilities, LedgerMapper ledger, LedgerPostings postings, AuditTrail audit,
                           BusinessClock clock, FacilityTerms terms, TermChangeMapper termChanges) {
        this.terms = terms;
        this.termChanges = termChanges;
        this.facilities = facilities;
        this.ledger = ledger;
        this.postings = postings;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewFacility(String code, String name, String lender, String borrower, String accountNo,
                              BigDecimal amount, BigDecimal annualRate, LocalDate startDate, LocalDate maturityDate,
                              BigDecimal penaltyMarkup) {
    }

    /**
     * A facility with its balances; {@code accountBalance} is the 专户's book balance, {@code frozen} and
     * {@code deducted} what court freezes and unrecovered deductions hold back of it, {@code availableBalance} what
     * remains to pay with.
     */
    public record FacilityView(Facility facility, BigDecimal drawn, BigDecimal allocated, BigDecimal paidToProjects,
                               BigDecimal repaidPrincipal, BigDecimal repaidInterest, BigDecimal outstanding,
                               BigDecimal receivedFromProjects, BigDecimal accountBalance, InterestStatement interest,
                               BigDecimal frozen, BigDecimal deducted, BigDecimal availableBalance,
                               BigDecimal currentAnnualRate, java.time.LocalDate currentMaturityDate,
                               List<cn.baojiaolou.loan.domain.facility.TermChange> termChanges) {
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public FacilityView create(NewFacility n) {
        requireCityScope();
        if (!n.maturityDate().isAfter(n.startDate())) {
            throw Refusal.ruleOnField("maturityDate", "facility.maturityBeforeStart");
        }
        if (facilities.findByCode(n.code()) != null) {
            throw Refusal.conflict("facility.exists", n.code());
        }
        BigDecimal markup = n.penaltyMarkup() == null ? DEFAULT_PENALTY_MARKUP : n.penaltyMarkup();
        Facility f = new Facility(0, n.code(), n.name(), n.lender(), n.borrower(), n.accountNo(), n.amount(),
                n.annualRate(), markup, n.startDate(), n.maturityDate());
        GeneratedKey key = new GeneratedKey();
        facilities.insert(f, clock.nowUtc(), CurrentUser.username(), key);
        Facility created = facilities.findById(key.getId());
        audit.write("FACILITY_CREATED", "facility", created.code(), null, created);
        return view(created);
    }

    @Transactional(readOnly = true)
    public FacilityView get(String code) {
        return view(require(code));
    }

    @Transactional(readOnly = true)
    public List<FacilityView> all() {
        return facilities.findAll().stream().map(this::view).toList();
    }

    public Facility require(String code) {
        Facility f = facilities.findByCode(code);
        if (f == null) {
            throw Refusal.notFound("facility.notFound", code);
        }
        return f;
    }

    /**
     * What a 提款 would do, shown before it is confirmed: the facility's drawn and undrawn amounts and the 专户's
     * balance before and after. The same checks as {@link #drawdown} (the voucher included), without the lock and
     * nothing written, so an amount the posting would refuse is refused here with the same message.
     */
    public record DrawdownPreview(Facility facility, LocalDate valueDate, String voucherNo, BigDecimal amount,
                                  BigDecimal drawnBefore, BigDecimal drawnAfter, BigDecimal undrawnBefore,
                                  BigDecimal undrawnAfter, BigDecimal accountBefore, BigDecimal accountAfter,
                                  BigDecimal availableBefore, BigDecimal availableAfter, boolean held) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public DrawdownPreview previewDrawdown(String code, BigDecimal amount, LocalDate valueDate, String voucherNo) {
        requireCityScope();
        Facility f = require(code);
        FacilityTotals totals = checkDrawdown(f, amount, valueDate);
        postings.refuseIfPosted(f.id(), EntryType.DRAWDOWN, voucherNo);
        AccountHolds holds = facilities.holds(f.id());
        BigDecimal drawnAfter = totals.drawn().add(amount);
        BigDecimal accountAfter = totals.accountBalance().add(amount);
        return new DrawdownPreview(f, valueDate, voucherNo, amount, totals.drawn(), drawnAfter,
                f.amount().subtract(totals.drawn()), f.amount().subtract(drawnAfter), totals.accountBalance(),
                accountAfter, holds.available(totals.accountBalance()), holds.available(accountAfter), holds.any());
    }

    /** 提款: Σ drawdowns never exceeds the facility amount. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public LedgerEntry drawdown(String code, BigDecimal amount, LocalDate valueDate, String voucherNo) {
        requireCityScope();
        Facility f = facilities.lock(require(code).id());
        FacilityTotals totals = checkDrawdown(f, amount, valueDate);
        LedgerEntry entry = post(new LedgerEntry(null, f.id(), null, EntryType.DRAWDOWN, valueDate, amount, amount,
                Money.ZERO, Money.ZERO, amount, voucherNo, null, null, null, null, clock.nowUtc(),
                CurrentUser.username()));
        audit.write("DRAWDOWN_POSTED", "facility", f.code(), totals, entry);
        return entry;
    }

    /** The rules of a 提款, one place for the posting (under the lock) and its preview. */
    private FacilityTotals checkDrawdown(Facility f, BigDecimal amount, LocalDate valueDate) {
        ValueDates.check("valueDate", valueDate, clock.today(), f.startDate(), ledger.latestFacilityEventDate(f.id()));
        FacilityTotals totals = ledger.facilityTotals(f.id());
        BigDecimal remaining = f.amount().subtract(totals.drawn());
        if (amount.compareTo(remaining) > 0) {
            throw Refusal.ruleOnField("amount", "drawdown.overFacility", remaining, f.amount());
        }
        return totals;
    }

    /**
     * What a 统还 would do, shown before it is confirmed: principal and interest (the interest part split into penalty
     * and interest, as it would be posted), the facility's principal outstanding and the 专户's balance before and
     * after. The same checks as {@link #centralRepayment} (the voucher included), without the lock, nothing written.
     */
    public record CentralRepaymentPreview(Facility facility, LocalDate valueDate, String voucherNo,
                                          BigDecimal principal, BigDecimal interest, BigDecimal penaltyPaid,
                                          BigDecimal interestPaid, BigDecimal total, BigDecimal outstandingBefore,
                                          BigDecimal outstandingAfter, BigDecimal accountBefore,
                                          BigDecimal accountAfter, BigDecimal availableBefore,
                                          BigDecimal availableAfter, boolean held) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public CentralRepaymentPreview previewCentralRepayment(String code, BigDecimal principal, BigDecimal interest,
                                                           LocalDate valueDate, String voucherNo) {
        requireCityScope();
        BigDecimal p = Money.nz(principal);
        BigDecimal i = Money.nz(interest);
        requireSomething(p, i);
        Facility f = require(code);
        CentralCheck c = checkCentralRepayment(f, p, i, valueDate);
        postings.refuseIfPosted(f.id(), EntryType.CENTRAL_REPAYMENT, voucherNo);
        RepaymentWaterfall.Part paid = RepaymentWaterfall.interestPart(i, c.due());
        BigDecimal total = p.add(i);
        BigDecimal outstanding = c.totals().drawn().subtract(c.totals().centralPrincipal());
        BigDecimal account = c.totals().accountBalance();
        return new CentralRepaymentPreview(f, valueDate, voucherNo, p, i, paid.penalty(), paid.interest(), total,
                outstanding, outstanding.subtract(p), account, account.subtract(total), c.holds().available(account),
                c.holds().available(account.subtract(total)), c.holds().any());
    }

    /**
     * 统还: the interest part pays penalty due first, then settled interest due; it may not exceed what is due.
     * Principal may not exceed what is outstanding, and the 专户 must hold the whole payment.
     */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public LedgerEntry centralRepayment(String code, BigDecimal principal, BigDecimal interest, LocalDate valueDate,
                                        String voucherNo) {
        requireCityScope();
        BigDecimal p = Money.nz(principal);
        BigDecimal i = Money.nz(interest);
        requireSomething(p, i);
        Facility f = facilities.lock(require(code).id());
        CentralCheck c = checkCentralRepayment(f, p, i, valueDate);
        BigDecimal total = p.add(i);
        RepaymentWaterfall.Part paid = RepaymentWaterfall.interestPart(i, c.due());
        LedgerEntry entry = post(new LedgerEntry(null, f.id(), null, EntryType.CENTRAL_REPAYMENT, valueDate, total, p,
                paid.interest(), paid.penalty(), total.negate(), voucherNo, null, null, null, null, clock.nowUtc(),
                CurrentUser.username()));
        audit.write("CENTRAL_REPAYMENT_POSTED", "facility", f.code(), c.totals(), entry);
        return entry;
    }

    private static void requireSomething(BigDecimal principal, BigDecimal interest) {
        if (principal.signum() == 0 && interest.signum() == 0) {
            throw Refusal.ruleOnField("principal", "centralRepayment.empty");
        }
    }

    /** What the rules of a 统还 read: what is due on the day, the facility's sums and the court holds. */
    private record CentralCheck(DueAmounts due, FacilityTotals totals, AccountHolds holds) {
    }

    /** The rules of a 统还, one place for the posting (under the lock) and its preview. */
    private CentralCheck checkCentralRepayment(Facility f, BigDecimal p, BigDecimal i, LocalDate valueDate) {
        ValueDates.check("valueDate", valueDate, clock.today(), f.startDate(), ledger.latestFacilityEventDate(f.id()));
        DueAmounts due = AccumulatedBalanceInterest.dueOn(terms.of(f),
                PositionInterest.events(ledger.facilityEvents(f.id())), valueDate);
        if (p.compareTo(due.principal()) > 0) {
            throw Refusal.ruleOnField("principal", "centralRepayment.overPrincipal", due.principal());
        }
        BigDecimal interestDue = due.interestWithPenalty();
        if (i.compareTo(interestDue) > 0) {
            throw Refusal.ruleOnField("interest", "centralRepayment.overInterest", interestDue);
        }
        FacilityTotals totals = ledger.facilityTotals(f.id());
        BigDecimal total = p.add(i);
        AccountHolds holds = facilities.holds(f.id());
        PaymentLimits.Breach breach = PaymentLimits.accountBreach(total, totals.accountBalance(), holds);
        if (breach == PaymentLimits.Breach.ACCOUNT_OVERDRAFT) {
            throw Refusal.rule("account.overdraft", totals.accountBalance(), total);
        }
        if (breach == PaymentLimits.Breach.ACCOUNT_HELD) {
            throw Refusal.rule("account.heldRepayment", holds.available(totals.accountBalance()), total,
                    holds.frozen(), holds.deducted());
        }
        return new CentralCheck(due, totals, holds);
    }

    private LedgerEntry post(LedgerEntry entry) {
        return postings.post(entry);
    }

    private FacilityView view(Facility f) {
        FacilityTotals t = ledger.facilityTotals(f.id());
        cn.baojiaolou.loan.domain.interest.InterestTerms termsNow = terms.of(f);
        InterestStatement interest = AccumulatedBalanceInterest.statement(termsNow,
                PositionInterest.events(ledger.facilityEvents(f.id())), clock.today());
        AccountHolds holds = facilities.holds(f.id());
        return new FacilityView(f, t.drawn(), facilities.allocatedTotal(f.id()), t.paidNet(), t.centralPrincipal(),
                t.centralInterest(), t.drawn().subtract(t.centralPrincipal()), t.projectRepaid(), t.accountBalance(),
                interest, holds.frozen(), holds.deducted(), holds.available(t.accountBalance()),
                termsNow.rateOn(clock.today()), termsNow.maturityOn(clock.today()), termChanges.ofFacility(f.id()));
    }

    private void requireCityScope() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            audit.refusal(user.username(), "ACCESS_DENIED", "facility", null, AuditTrail.DENIED, "区县用户不能写借款批次");
            throw Refusal.forbidden("facility.cityOnly");
        }
    }
}
