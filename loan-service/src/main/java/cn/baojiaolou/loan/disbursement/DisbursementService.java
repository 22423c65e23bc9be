package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementLifecycle;
import cn.baojiaolou.loan.domain.disbursement.DisbursementPurpose;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;
import cn.baojiaolou.loan.domain.disbursement.PaymentLimits;
import cn.baojiaolou.loan.domain.court.AccountHolds;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.ledger.LedgerPostings;
import cn.baojiaolou.loan.domain.ledger.PositionTotals;
import cn.baojiaolou.loan.domain.ledger.ValueDates;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.milestone.MilestoneMapper;
import cn.baojiaolou.loan.domain.milestone.MilestoneReleaseCap;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.project.ProjectAccess;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The disbursement lifecycle. Every money-moving step takes the row locks in one order — facility, project,
 * disbursement — and re-reads the sums under them (READ COMMITTED), so two payments racing for the last yuan of a
 * cap are serialised and the second sees the first.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class DisbursementService {

    private final DisbursementMapper disbursements;
    private final ProjectAccess access;
    private final ProjectMapper projects;
    private final FacilityMapper facilities;
    private final MilestoneMapper milestones;
    private final LedgerMapper ledger;
    private final LedgerPostings postings;
    private final ProjectInterest interest;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public DisbursementService(DisbursementMapper disbursements, ProjectAccess access, ProjectMapper projects,
                               FacilityMapper facilities, MilestoneMapper milestones, LedgerMapper ledger,
                               LedgerPostings postings,
                               ProjectInterest interest, AuditTrail audit,
                               BusinessClock clock) {
        this.disbursements = disbursements;
        this.access = access;
        this.projects = projects;
        this.facilities = facilities;
        this.milestones = milestones;
        this.ledger = ledger;
        this.postings = postings;
        this.interest = interest;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a request names, checked: the project, payee, milestone, purpose and the facility it draws on. */
    private record Checked(Project project, Payee payee, Milestone milestone, DisbursementPurpose purpose,
                           Facility facility) {
    }

    private Checked check(String projectCode, long payeeId, long milestoneId, String purposeText,
                          String facilityCode) {
        Project p = access.requireReferenced("projectCode", projectCode);
        DisbursementPurpose purpose = DisbursementPurpose.parse(purposeText);
        if (purpose == null) {
            throw Refusal.ruleOnField("purpose", "disbursement.purposeUnknown", purposeText,
                    String.join("、", DisbursementPurpose.allowedNames()));
        }
        if (!purpose.allowed()) {
            throw Refusal.ruleOnField("purpose", "disbursement.purposeProhibited", purpose.name());
        }
        Payee payee = projects.findPayee(payeeId);
        if (payee == null || payee.projectId() != p.id()) {
            throw Refusal.ruleOnField("payeeId", "disbursement.payeeNotRegistered", payeeId, p.name());
        }
        Milestone milestone = milestones.findById(milestoneId);
        if (milestone == null || milestone.projectId() != p.id()) {
            throw Refusal.ruleOnField("milestoneId", "milestone.notFound", milestoneId);
        }
        return new Checked(p, payee, milestone, purpose, facilityFor(p, facilityCode));
    }

    /**
     * A request as the confirmation step shows it before anything is posted: who is paid, from which account, the
     * amount, and the headroom before and after (the lower of the allocation's and the verified cap's).
     */
    public record RequestPreview(String projectCode, String projectName, String payeeName, String payeeAccountNo,
                                 String payeeBank, String milestoneName, String purpose, String facilityCode,
                                 BigDecimal amount, BigDecimal headroomBefore, BigDecimal headroomAfter) {
    }

    /** The same checks as {@link #request}, nothing written: a refusal here is the one the request would get. */
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public RequestPreview previewRequest(String projectCode, long payeeId, long milestoneId, String purposeText,
                                         BigDecimal amount, String facilityCode) {
        Checked c = check(projectCode, payeeId, milestoneId, purposeText, facilityCode);
        if (c.project().status() == ProjectStatus.CLOSED) {
            throw Refusal.conflict("project.closedNoRequests", c.project().code());
        }
        PaymentLimits limits = limits(c.project(), c.facility(), Use.REQUEST);
        refuse(limits.check(amount), limits);
        BigDecimal before = limits.allocationHeadroom().min(limits.progressHeadroom()).max(Money.ZERO);
        return new RequestPreview(c.project().code(), c.project().name(), c.payee().name(), c.payee().accountNo(),
                c.payee().bankName(), c.milestone().name(), c.purpose().name(), c.facility().code(), amount, before,
                before.subtract(amount));
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Disbursement request(String projectCode, long payeeId, long milestoneId, String purposeText,
                                BigDecimal amount, String facilityCode) {
        Checked c = check(projectCode, payeeId, milestoneId, purposeText, facilityCode);
        Project p = c.project();
        Payee payee = c.payee();
        Milestone milestone = c.milestone();
        DisbursementPurpose purpose = c.purpose();
        Facility f = c.facility();
        // the lock order of every money write (docs/NOTES.md): facility, then project, then disbursement. Taken
        // before the insert, whose foreign keys would otherwise share-lock the facility after the project. A request
        // moves no 专户 money: the facility shared is enough, and requests on its other projects are not held up.
        facilities.lockShared(f.id());
        if (projects.lock(p.id()).status() == ProjectStatus.CLOSED) {
            // read under the lock: a 销号 that won the race is seen here, so no request lands on a closed project
            throw Refusal.conflict("project.closedNoRequests", p.code());
        }
        PaymentLimits forRequest = limits(p, f, Use.REQUEST);
        refuse(forRequest.check(amount), forRequest);
        GeneratedKey key = new GeneratedKey();
        disbursements.insert(p.id(), f.id(), payee.id(), milestone.id(), purpose.name(), amount,
                CurrentUser.username(), clock.nowUtc(), key);
        Disbursement created = disbursements.findById(key.getId());
        audit.write("DISBURSEMENT_REQUESTED", "disbursement", created.id(), null, created);
        return created;
    }

    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public Disbursement approve(long id, String note) {
        return decide(id, DisbursementStatus.APPROVED, note, "DISBURSEMENT_APPROVED");
    }

    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public Disbursement reject(long id, String reason) {
        return decide(id, DisbursementStatus.REJECTED, reason, "DISBURSEMENT_REJECTED");
    }

    private Disbursement decide(long id, DisbursementStatus to, String note, String action) {
        Disbursement before = visible(id);
        disbursements.lock(id);
        Disbursement d = disbursements.findById(id);
        try {
            DisbursementLifecycle.checkDecision(d, CurrentUser.username());
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.FORBIDDEN) {
                audit.refusal(CurrentUser.username(), action, "disbursement", id, AuditTrail.DENIED, "maker = checker");
            }
            throw refused;
        }
        if (disbursements.decide(id, DisbursementStatus.REQUESTED, to, CurrentUser.username(), clock.nowUtc(),
                note) != 1) {
            throw changedMeanwhile(id, DisbursementStatus.REQUESTED);
        }
        Disbursement after = disbursements.findById(id);
        audit.write(action, "disbursement", id, before, after);
        return after;
    }

    /** A payment as its confirmation step shows it: the 专户's available balance before and after. */
    public record PaymentPreview(Disbursement disbursement, LocalDate paidOn, String voucherNo,
                                 BigDecimal availableBefore, BigDecimal availableAfter) {
    }

    /** The same checks as {@link #pay}, nothing written and no lock: what the confirmation step shows. */
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public PaymentPreview previewPayment(long id, LocalDate paidOn, String voucherNo) {
        Disbursement d = visible(id);
        Facility f = facilities.findById(d.facilityId());
        Project p = projects.findById(d.projectId());
        DisbursementLifecycle.checkPayment(d, paidOn, interest.terms(f).maturityOn(paidOn));
        ValueDates.check("paidOn", paidOn, clock.today(), f.startDate(), ledger.latestProjectEventDate(p.id()));
        PaymentLimits forPayment = limits(p, f, Use.PAYMENT);
        refuse(forPayment.check(d.amount()), forPayment);
        BigDecimal before = forPayment.available();
        return new PaymentPreview(d, paidOn, voucherNo, before, before.subtract(d.amount()));
    }

    /** 付款: the caps are checked again here, under the locks, together with the 专户 balance. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Disbursement pay(long id, LocalDate paidOn, String voucherNo) {
        Disbursement before = visible(id);
        Facility f = facilities.lock(before.facilityId());
        Project p = projects.lock(before.projectId());
        disbursements.lock(id);
        Disbursement d = disbursements.findById(id);
        DisbursementLifecycle.checkPayment(d, paidOn, interest.terms(f).maturityOn(paidOn));
        ValueDates.check("paidOn", paidOn, clock.today(), f.startDate(), ledger.latestProjectEventDate(p.id()));
        PaymentLimits forPayment = limits(p, f, Use.PAYMENT);
        refuse(forPayment.check(d.amount()), forPayment);
        postings.post(new LedgerEntry(null, f.id(), p.id(), EntryType.PAYMENT, paidOn, d.amount(), d.amount(),
                Money.ZERO, Money.ZERO, d.amount().negate(), voucherNo, d.id(), null, null, d.purpose(),
                clock.nowUtc(), CurrentUser.username()));
        if (disbursements.markPaid(id, paidOn, voucherNo, CurrentUser.username(), clock.nowUtc()) != 1) {
            throw changedMeanwhile(id, DisbursementStatus.APPROVED); // rolls back the ledger row posted above
        }
        Disbursement after = disbursements.findById(id);
        audit.write("DISBURSEMENT_PAID", "disbursement", id, d, after);
        return after;
    }

    /** 冲正: a compensating ledger row; the payment row itself is never touched. Only PAID, only once. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Disbursement reverse(long id, String reason, LocalDate reversedOn) {
        Disbursement before = visible(id);
        Facility f = facilities.lock(before.facilityId());
        Project p = projects.lock(before.projectId());
        if (p.status() == ProjectStatus.CLOSED) {
            // 销号 needed every yuan paid: a reversal would reopen what was closed out
            throw Refusal.conflict("project.closedNoReversal", p.code());
        }
        disbursements.lock(id);
        Disbursement d = disbursements.findById(id);
        DisbursementLifecycle.checkReversal(d, reversedOn,
                ledger.positionTotals(p.id(), f.id()).principalOutstanding());
        ValueDates.check("reversedOn", reversedOn, clock.today(), f.startDate(),
                ledger.latestProjectEventDate(p.id()));
        LedgerEntry payment = ledger.findPaymentOf(id);
        postings.post(new LedgerEntry(null, f.id(), p.id(), EntryType.PAYMENT_REVERSAL, reversedOn, d.amount(),
                d.amount().negate(), Money.ZERO, Money.ZERO, d.amount(), payment.voucherNo(), d.id(),
                null, payment.id(), reason, clock.nowUtc(), CurrentUser.username()));
        if (disbursements.markReversed(id, reversedOn, reason, CurrentUser.username(), clock.nowUtc()) != 1) {
            throw changedMeanwhile(id, DisbursementStatus.PAID);
        }
        Disbursement after = disbursements.findById(id);
        audit.write("DISBURSEMENT_REVERSED", "disbursement", id, d, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Disbursement get(long id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    public List<Disbursement> search(String projectCode, DisbursementStatus status) {
        Long projectId = projectCode == null || projectCode.isBlank() ? null : access.require(projectCode).id();
        LoanUser user = CurrentUser.require();
        Long districtId = user.districtId();
        return disbursements.search(projectId, status, districtId);
    }

    /**
     * The accountants' work lists, in the user's district scope: 待支付 (approved, not paid) across projects, or the
     * user's own requests that a reviewer rejected (with the reason). One page of {@code limit} rows in {@code sort}
     * order, after the row {@code afterId} (null: the first page).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public List<Disbursement> workList(DisbursementStatus status, String text, WorkSort sort, Long afterId,
                                       int limit) {
        LoanUser user = CurrentUser.require();
        String mine = status == DisbursementStatus.REJECTED ? user.username() : null;
        return disbursements.workList(status, mine, user.districtId(), filter(text), sort, afterId, limit);
    }

    /** 待复核: the requests waiting for a reviewer in the user's scope, one page as {@link #workList} pages. */
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.REVIEWER)
    public List<Disbursement> reviewQueue(String text, WorkSort sort, Long afterId, int limit) {
        return disbursements.workList(DisbursementStatus.REQUESTED, null, CurrentUser.require().districtId(),
                filter(text), sort, afterId, limit);
    }

    private static String filter(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What the limits are read for: a new request (reservations count, the 专户 waits) or a payment. */
    enum Use { REQUEST, PAYMENT }

    /**
     * The headroom a new request or a payment has. A request counts what others have reserved (预占: requested or
     * approved, not paid) and leaves the 专户 to payment time; a payment counts what is paid, the 专户's book balance
     * and what court freezes and deductions hold back of it (read under the facility's row lock).
     */
    PaymentLimits limits(Project p, Facility f, Use use) {
        BigDecimal allocatedHere = projects.allocatedTotal(p.id(), f.id());
        BigDecimal allocatedAll = projects.allocatedTotal(p.id(), null);
        List<Milestone> ms = milestones.ofProject(p.id());
        boolean request = use == Use.REQUEST;
        return new PaymentLimits(allocatedHere, ledger.positionTotals(p.id(), f.id()).paidNet(),
                MilestoneReleaseCap.unlocked(allocatedAll, ms), ledger.positionTotals(p.id(), null).paidNet(),
                request ? null : ledger.facilityTotals(f.id()).accountBalance(),
                request ? projects.reserved(p.id(), f.id()) : Money.ZERO,
                request ? projects.reserved(p.id(), null) : Money.ZERO,
                request ? AccountHolds.NONE : facilities.holds(f.id()));
    }

    private Facility facilityFor(Project p, String facilityCode) {
        List<Facility> drawnOn = interest.facilitiesOf(p.id());
        if (facilityCode != null && !facilityCode.isBlank()) {
            return drawnOn.stream().filter(f -> f.code().equals(facilityCode)).findFirst().orElseThrow(() ->
                    Refusal.ruleOnField("facilityCode", "disbursement.noAllocationFromFacility", facilityCode));
        }
        if (drawnOn.isEmpty()) {
            throw Refusal.rule("disbursement.noAllocation", p.name());
        }
        if (drawnOn.size() > 1) {
            throw Refusal.ruleOnField("facilityCode", "disbursement.facilityRequired");
        }
        return drawnOn.get(0);
    }

    /** A refused request names what other requests have reserved, when they have: that is why so little is left. */
    private static void refuse(PaymentLimits.Verdict verdict, PaymentLimits limits) {
        if (verdict.passes()) {
            return;
        }
        switch (verdict.breach()) {
            case OVER_ALLOCATION -> throw limits.reservedOnAllocation().signum() > 0
                    ? Refusal.ruleOnField("amount", "disbursement.overAllocationReserved", verdict.headroom(),
                            limits.reservedOnAllocation())
                    : Refusal.ruleOnField("amount", "disbursement.overAllocation", verdict.headroom());
            case OVER_PROGRESS -> throw limits.reservedOnProject().signum() > 0
                    ? Refusal.ruleOnField("amount", "disbursement.overProgressReserved", verdict.headroom(),
                            limits.reservedOnProject())
                    : Refusal.ruleOnField("amount", "disbursement.overProgress", verdict.headroom());
            case ACCOUNT_OVERDRAFT -> throw Refusal.ruleOnField("amount", "account.overdraftPayment",
                    verdict.headroom());
            case ACCOUNT_HELD -> throw Refusal.ruleOnField("amount", "account.heldPayment", verdict.headroom(),
                    limits.accountBalance(), limits.holds().frozen(), limits.holds().deducted());
        }
    }

    /**
     * A guarded status update that changed no row: the disbursement left {@code expected} after it was read. Under
     * the row lock this cannot happen; if it does, nothing is written (the transaction rolls back) and the caller is
     * told its current status.
     */
    private Refusal changedMeanwhile(long id, DisbursementStatus expected) {
        return Refusal.conflict("disbursement.wrongStatus", disbursements.findById(id).status(), expected);
    }

    /** Another district's disbursement answers exactly like an unknown id (the attempt is still audited). */
    private Disbursement visible(long id) {
        Disbursement d = disbursements.findById(id);
        if (d == null) {
            throw Refusal.notFound("disbursement.notFound", id);
        }
        try {
            access.requireById(d.projectId());
        } catch (Refusal hidden) {
            throw Refusal.notFound("disbursement.notFound", id);
        }
        return d;
    }
}
