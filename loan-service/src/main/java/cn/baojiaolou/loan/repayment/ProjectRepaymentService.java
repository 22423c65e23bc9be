package cn.baojiaolou.loan.repayment;

import cn.baojiaolou.loan.domain.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.repayment.RepaymentWaterfall;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.DueAmounts;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.ledger.LedgerPostings;
import cn.baojiaolou.loan.domain.ledger.ValueDates;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.project.ProjectAccess;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.loan.user.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** 项目还款: sales proceeds back into the 专户, split by {@link RepaymentWaterfall}. */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectRepaymentService {

    private final ProjectAccess access;
    private final ProjectMapper projects;
    private final FacilityMapper facilities;
    private final ProjectInterest interest;
    private final LedgerMapper ledger;
    private final LedgerPostings postings;
    private final RepaymentMapper repayments;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public ProjectRepaymentService(ProjectAccess access, ProjectMapper projects, FacilityMapper facilities,
                                   ProjectInterest interest, LedgerMapper ledger, LedgerPostings postings,
                                   RepaymentMapper repayments, AuditTrail audit, BusinessClock clock) {
        this.access = access;
        this.projects = projects;
        this.facilities = facilities;
        this.interest = interest;
        this.ledger = ledger;
        this.postings = postings;
        this.repayments = repayments;
        this.audit = audit;
        this.clock = clock;
    }

    public record SplitLine(String facilityCode, BigDecimal penalty, BigDecimal interest, BigDecimal principal) {
    }

    public record Repayment(Long id, String projectCode, BigDecimal amount, LocalDate valueDate, String voucherNo,
                            BigDecimal penalty, BigDecimal interest, BigDecimal principal, List<SplitLine> split) {
    }

    /** What a repayment of {@code amount} on {@code valueDate} would pay, without posting anything. */
    @Transactional(readOnly = true)
    public Repayment preview(String projectCode, BigDecimal amount, LocalDate valueDate) {
        Project p = access.require(projectCode);
        return split(p, facilitiesOf(p), amount, valueDate, null, null);
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Repayment repay(String projectCode, BigDecimal amount, LocalDate valueDate, String voucherNo) {
        Project p = access.require(projectCode);
        List<Facility> drawnOn = facilitiesOf(p);
        // lock order: facilities by id, then the project (the same order as payments)
        drawnOn.stream().sorted(Comparator.comparingLong(Facility::id)).forEach(f -> facilities.lock(f.id()));
        projects.lock(p.id());
        Facility first = drawnOn.get(0);
        ValueDates.check("valueDate", valueDate, clock.today(), first.startDate(),
                ledger.latestProjectEventDate(p.id()));
        Repayment planned = split(p, drawnOn, amount, valueDate, voucherNo, null);
        GeneratedKey key = new GeneratedKey();
        repayments.insert(p.id(), amount, valueDate, voucherNo, clock.nowUtc(), CurrentUser.username(), key);
        for (int i = 0; i < drawnOn.size(); i++) {
            SplitLine line = planned.split().get(i);
            BigDecimal total = line.penalty().add(line.interest()).add(line.principal());
            if (total.signum() == 0) {
                continue;
            }
            postings.post(new LedgerEntry(null, drawnOn.get(i).id(), p.id(), EntryType.PROJECT_REPAYMENT,
                    valueDate, total, line.principal(), line.interest(), line.penalty(), total, voucherNo, null,
                    key.getId(), null, null, clock.nowUtc(), CurrentUser.username()));
        }
        Repayment posted = new Repayment(key.getId(), p.code(), amount, valueDate, voucherNo, planned.penalty(),
                planned.interest(), planned.principal(), planned.split());
        audit.write("PROJECT_REPAYMENT_POSTED", "project", p.code(), null, posted);
        return posted;
    }

    private List<Facility> facilitiesOf(Project p) {
        List<Facility> drawnOn = interest.facilitiesOf(p.id());
        if (drawnOn.isEmpty()) {
            throw Refusal.rule("repayment.nothingOwed", p.name());
        }
        return drawnOn;
    }

    private Repayment split(Project p, List<Facility> drawnOn, BigDecimal amount, LocalDate valueDate,
                            String voucherNo, Long id) {
        List<DueAmounts> due = new ArrayList<>();
        for (Facility f : drawnOn) {
            due.add(AccumulatedBalanceInterest.dueOn(interest.terms(f), interest.events(p.id(), f.id()), valueDate));
        }
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(amount, due);
        if (parts == null) {
            throw Refusal.ruleOnField("amount", "repayment.overOwed", RepaymentWaterfall.totalOwed(due));
        }
        List<SplitLine> lines = new ArrayList<>();
        BigDecimal penalty = Money.ZERO;
        BigDecimal interestPart = Money.ZERO;
        BigDecimal principal = Money.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            RepaymentWaterfall.Part part = parts.get(i);
            lines.add(new SplitLine(drawnOn.get(i).code(), part.penalty(), part.interest(), part.principal()));
            penalty = penalty.add(part.penalty());
            interestPart = interestPart.add(part.interest());
            principal = principal.add(part.principal());
        }
        return new Repayment(id, p.code(), amount, valueDate, voucherNo, penalty, interestPart, principal, lines);
    }
}
