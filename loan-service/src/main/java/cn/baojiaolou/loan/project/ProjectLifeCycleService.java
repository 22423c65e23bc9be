package cn.baojiaolou.loan.project;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.ledger.PositionTotals;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.CloseOutRule;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectLifeCycle;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.domain.project.StatusChange;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import cn.baojiaolou.loan.milestone.MilestoneMapper;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;

/**
 * A project's life cycle: 停工 → 复工 → 竣工 → 交付 → 销号 ({@link ProjectLifeCycle}), each change dated, with its
 * document and who recorded it; 销号 only when {@link CloseOutRule} finds nothing left to do. The change is made
 * under the project's row lock, so two changes of one project cannot both read the same "from".
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectLifeCycleService {

    private final ProjectMapper projects;
    private final ProjectAccess access;
    private final MilestoneMapper milestones;
    private final LedgerMapper ledger;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public ProjectLifeCycleService(ProjectMapper projects, ProjectAccess access, MilestoneMapper milestones,
                                   LedgerMapper ledger, AuditTrail audit, BusinessClock clock) {
        this.projects = projects;
        this.access = access;
        this.milestones = milestones;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The status a project held before a change, as audited. */
    record StatusHeld(String projectCode, ProjectStatus status, LocalDate since) {
    }

    /** A change as audited. */
    record StatusChanged(String projectCode, ProjectStatus fromStatus, ProjectStatus status, LocalDate effectiveOn,
                         String documentRef, String note) {
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public StatusChange change(String projectCode, ProjectStatus to, LocalDate effectiveOn, String documentRef,
                               String note) {
        Project p = access.require(projectCode);
        Project locked = projects.lock(p.id());
        List<StatusChange> history = projects.statusHistory(p.id());
        // the registration row holds from before anything the system knows (a project onboarded with its history
        // is registered today), so only real changes order the dates
        StatusChange latest = history.isEmpty() ? null : history.get(history.size() - 1);
        LocalDate last = latest == null || latest.fromStatus() == null ? null : latest.effectiveOn();
        ProjectLifeCycle.checkChange(locked.status(), to, effectiveOn, last, clock.today());
        if (to == ProjectStatus.CLOSED) {
            CloseOutRule.check(closeOutFacts(locked));
        }
        projects.insertStatusChange(p.id(), locked.status(), to, effectiveOn, documentRef, note, clock.nowUtc(),
                CurrentUser.username());
        projects.updateStatus(p.id(), to);
        audit.write("PROJECT_STATUS_CHANGED", "project", p.code(),
                new StatusHeld(p.code(), locked.status(), last),
                new StatusChanged(p.code(), locked.status(), to, effectiveOn, documentRef, note));
        List<StatusChange> after = projects.statusHistory(p.id());
        return after.get(after.size() - 1);
    }

    /**
     * A status as an imported 台账 states it (存量台账导入): recorded as a change effective today, without the life
     * cycle's checks, since the bureau's own records decided it before the system knew the project.
     */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public StatusChange recordImported(String projectCode, ProjectStatus to, String note) {
        Project p = access.require(projectCode);
        Project locked = projects.lock(p.id());
        projects.insertStatusChange(p.id(), locked.status(), to, clock.today(), "—", note, clock.nowUtc(),
                CurrentUser.username());
        projects.updateStatus(p.id(), to);
        audit.write("PROJECT_STATUS_CHANGED", "project", p.code(), new StatusHeld(p.code(), locked.status(), null),
                new StatusChanged(p.code(), locked.status(), to, clock.today(), "—", note));
        List<StatusChange> after = projects.statusHistory(p.id());
        return after.get(after.size() - 1);
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(String projectCode) {
        return projects.statusHistory(access.require(projectCode).id());
    }

    /** What still blocks 销号 today (empty when nothing does); the project page shows it before anyone tries. */
    @Transactional(readOnly = true)
    public List<cn.baojiaolou.loan.domain.Refusal> closeOutBlockers(String projectCode) {
        return CloseOutRule.blockers(closeOutFacts(access.require(projectCode)));
    }

    private CloseOutRule.Facts closeOutFacts(Project p) {
        List<Milestone> ms = milestones.ofProject(p.id());
        PositionTotals totals = ledger.positionTotals(p.id(), null);
        return new CloseOutRule.Facts(p.totalUnits(), p.deliveredUnits(), projects.allocatedTotal(p.id(), null),
                totals.paidNet(), (int) ms.stream().filter(m -> !m.verified()).count(), projects.openRequests(p.id()),
                projects.openSeriousExceptions(p.id()));
    }
}
