package cn.baojiaolou.loan.project;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.project.Allocation;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.domain.ledger.PositionTotals;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.milestone.MilestoneMapper;
import cn.baojiaolou.loan.domain.disbursement.PaymentLimits;
import cn.baojiaolou.loan.domain.milestone.MilestonePlan;
import cn.baojiaolou.loan.domain.milestone.MilestoneReleaseCap;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Projects, their payees, allocations and milestones. */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectService {

    private final ProjectMapper projects;
    private final ProjectAccess access;
    private final DistrictService districts;
    private final FacilityMapper facilities;
    private final MilestoneMapper milestones;
    private final LedgerMapper ledger;
    private final ProjectInterest interest;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public ProjectService(ProjectMapper projects, ProjectAccess access, DistrictService districts,
                          FacilityMapper facilities, MilestoneMapper milestones,
                          LedgerMapper ledger, ProjectInterest interest, AuditTrail audit, BusinessClock clock) {
        this.projects = projects;
        this.access = access;
        this.districts = districts;
        this.facilities = facilities;
        this.milestones = milestones;
        this.ledger = ledger;
        this.interest = interest;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewProject(String code, String name, String district, String developer, String developerAccountNo,
                             String contractor, int totalUnits, BigDecimal fundingGap, LocalDate expectedDeliveryDate,
                             ProjectStatus status, String planText, String responsibleOfficial, String taskForce) {
    }

    /**
     * A project with its balances. unlocked is the cap released by verified milestones; reserved is what open
     * requests hold of the caps (预占); requestable what a new request may still ask for.
     */
    public record ProjectView(Project project, BigDecimal allocated, BigDecimal unlocked, BigDecimal capPercent,
                              BigDecimal paid, BigDecimal reserved, BigDecimal requestable,
                              BigDecimal principalRepaid, BigDecimal principalOutstanding,
                              BigDecimal interestAccrued, BigDecimal interestSettled, BigDecimal interestDue,
                              BigDecimal penaltyDue, List<Allocation> allocations, List<Milestone> milestones,
                              List<Payee> payees) {
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public ProjectView create(NewProject n) {
        District district = districts.require(n.district());
        LoanUser user = CurrentUser.require();
        if (!user.canSee(district.id())) {
            audit.refusal(user.username(), "ACCESS_DENIED", "district", district.code(), AuditTrail.DENIED,
                    "不能在其他区县登记项目");
            throw Refusal.forbidden("project.otherDistrict");
        }
        if (projects.findByCode(n.code()) != null) {
            throw Refusal.conflict("project.exists", n.code());
        }
        Project p = new Project(0, n.code(), n.name(), district.id(), district.name(), n.developer(),
                n.developerAccountNo(), n.contractor(), n.totalUnits(), 0,
                n.fundingGap() == null ? new BigDecimal("0.00") : n.fundingGap(), n.expectedDeliveryDate(),
                n.status() == null ? ProjectStatus.STOPPED : n.status(), n.planText(), n.responsibleOfficial(),
                n.taskForce());
        GeneratedKey key = new GeneratedKey();
        projects.insert(p, clock.nowUtc(), CurrentUser.username(), key);
        Project created = projects.findById(key.getId());
        // the life cycle's first row: the status the project is registered with, held from today
        projects.insertStatusChange(created.id(), null, created.status(), clock.today(), "—", null, clock.nowUtc(),
                CurrentUser.username());
        audit.write("PROJECT_CREATED", "project", created.code(), null, created);
        return view(created);
    }

    /** A project's facts as they may be edited: everything but its code, district and status. */
    public record ProjectFacts(String name, String developer, String developerAccountNo, String contractor,
                               int totalUnits, BigDecimal fundingGap, LocalDate expectedDeliveryDate, String planText,
                               String responsibleOfficial, String taskForce) {
    }

    /**
     * Edits 一楼一策, 包保领导, 工作专班, units and the other facts, under the project's row lock. Total units never fall
     * below the homes already delivered; a project closed out (销号) keeps its facts as they were.
     */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public ProjectView editFacts(String code, ProjectFacts f) {
        Project p = access.require(code);
        Project before = projects.lock(p.id());
        if (before.status() == ProjectStatus.CLOSED) {
            throw Refusal.conflict("project.closedFacts", before.code());
        }
        if (f.totalUnits() < before.deliveredUnits()) {
            throw Refusal.ruleOnField("totalUnits", "project.unitsBelowDelivered", before.deliveredUnits());
        }
        projects.updateFacts(p.id(), f);
        Project after = projects.findById(p.id());
        audit.write("PROJECT_FACTS_EDITED", "project", p.code(), before, after);
        return view(after);
    }

    @Transactional(readOnly = true)
    public List<Project> search(String district, ProjectStatus status, String text) {
        Long districtId = null;
        if (district != null && !district.isBlank()) {
            District d = districts.require(district);
            districtId = d.id();
        }
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            if (districtId != null && !districtId.equals(user.districtId())) {
                return List.of();
            }
            districtId = user.districtId();
        }
        return projects.search(districtId, status, text == null || text.isBlank() ? null : text.trim());
    }

    @Transactional(readOnly = true)
    public ProjectView get(String code) {
        return view(access.require(code));
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Payee addPayee(String projectCode, String name, String accountNo, String bankName, PayeeKind kind) {
        Project p = access.require(projectCode);
        Payee payee = new Payee(0, p.id(), name, accountNo, bankName, kind);
        GeneratedKey key = new GeneratedKey();
        try {
            projects.insertPayee(payee, clock.nowUtc(), CurrentUser.username(), key);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw Refusal.conflict("payee.exists", accountNo);
        }
        Payee created = projects.findPayee(key.getId());
        audit.write("PAYEE_REGISTERED", "project", p.code(), null, created);
        return created;
    }

    /** 额度核定: Σ allocations of a facility never exceed its amount (checked under the facility's row lock). */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Allocation allocate(String projectCode, String facilityCode, BigDecimal amount, String approvalRef,
                               LocalDate approvedOn) {
        Project p = access.require(projectCode);
        Facility f = facilities.findByCode(facilityCode);
        if (f == null) {
            throw Refusal.ruleOnField("facilityCode", "facility.notFound", facilityCode);
        }
        if (approvedOn.isAfter(clock.today())) {
            throw Refusal.ruleOnField("approvedOn", "valueDate.future", clock.today());
        }
        facilities.lock(f.id());
        projects.lock(p.id());
        BigDecimal allocated = facilities.allocatedTotal(f.id());
        BigDecimal remaining = f.amount().subtract(allocated);
        if (amount.compareTo(remaining) > 0) {
            throw Refusal.ruleOnField("amount", "allocation.overFacility", remaining, f.amount());
        }
        Allocation a = new Allocation(0, p.id(), f.id(), f.code(), amount, approvalRef, approvedOn);
        GeneratedKey key = new GeneratedKey();
        projects.insertAllocation(a, clock.nowUtc(), CurrentUser.username(), key);
        Allocation created = new Allocation(key.getId(), p.id(), f.id(), f.code(), amount, approvalRef, approvedOn);
        audit.write("ALLOCATION_APPROVED", "project", p.code(), null, created);
        return created;
    }

    /** Milestones come in order; each cumulative cap is above the one before. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Milestone addMilestone(String projectCode, String name, LocalDate plannedDate, BigDecimal capPercent) {
        Project p = access.require(projectCode);
        projects.lock(p.id());
        List<Milestone> existing = milestones.ofProject(p.id());
        MilestonePlan.checkNext(existing, capPercent);
        Milestone m = new Milestone(0, p.id(), existing.size() + 1, name, plannedDate, capPercent, null, null, null,
                null, null);
        GeneratedKey key = new GeneratedKey();
        milestones.insert(m, clock.nowUtc(), CurrentUser.username(), key);
        Milestone created = milestones.findById(key.getId());
        audit.write("MILESTONE_PLANNED", "project", p.code(), null, created);
        return created;
    }

    /** A reviewer verifies a milestone once, in order; delivered units add to the project's count. */
    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public Milestone verify(String projectCode, long milestoneId, LocalDate verifiedOn, String inspector,
                            String evidenceRef, Integer unitsDelivered) {
        Project p = access.require(projectCode);
        Project locked = projects.lock(p.id());
        Milestone m = milestones.findById(milestoneId);
        if (m == null || m.projectId() != p.id()) {
            throw Refusal.notFound("milestone.notFound", milestoneId);
        }
        MilestonePlan.checkVerification(milestones.ofProject(p.id()), m, verifiedOn, clock.today(),
                progressCountsFrom(p.id()), locked.totalUnits(), locked.deliveredUnits(), unitsDelivered);
        milestones.insertVerification(m.id(), verifiedOn, inspector, evidenceRef, unitsDelivered,
                CurrentUser.username(), clock.nowUtc());
        if (unitsDelivered != null && unitsDelivered > 0) {
            projects.addDeliveredUnits(p.id(), unitsDelivered);
        }
        Milestone verified = milestones.findById(m.id());
        audit.write("MILESTONE_VERIFIED", "project", p.code(), m, verified);
        return verified;
    }

    /**
     * The first day progress can count from: the first allocation's approval, or its facility's start if later;
     * null while the project has no allocation.
     */
    private LocalDate progressCountsFrom(long projectId) {
        return projects.allocations(projectId).stream()
                .map(a -> max(a.approvedOn(), facilities.findById(a.facilityId()).startDate()))
                .min(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    public ProjectView view(Project p) {
        List<Allocation> allocations = projects.allocations(p.id());
        List<Milestone> ms = milestones.ofProject(p.id());
        BigDecimal allocated = projects.allocatedTotal(p.id(), null);
        PositionTotals totals = ledger.positionTotals(p.id(), null);
        ProjectInterest.Summary i = interest.asOf(p.id(), clock.today());
        BigDecimal unlocked = MilestoneReleaseCap.unlocked(allocated, ms);
        BigDecimal reserved = projects.reserved(p.id(), null);
        return new ProjectView(p, allocated, unlocked, MilestoneReleaseCap.capPercent(ms), totals.paidNet(),
                reserved, PaymentLimits.requestable(allocated, unlocked, totals.paidNet(), reserved),
                totals.principalRepaid(),
                totals.principalOutstanding(), i.accrued(), i.settled(), i.interestDue(), i.penaltyDue(),
                allocations, ms, projects.payees(p.id()));
    }

}
