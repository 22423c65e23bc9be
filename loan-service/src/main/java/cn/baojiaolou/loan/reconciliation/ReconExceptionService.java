package cn.baojiaolou.loan.reconciliation;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.project.ProjectAccess;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Reading the nightly close's exceptions within the user's scope, and a reviewer's resolution of one. */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ReconExceptionService {

    static final Set<String> RESOLUTIONS = Set.of("RESOLVED", "WAIVED");

    private final ReconExceptionMapper exceptions;
    private final DistrictService districts;
    private final ProjectAccess projects;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public ReconExceptionService(ReconExceptionMapper exceptions, DistrictService districts, ProjectAccess projects,
                                 AuditTrail audit, BusinessClock clock) {
        this.exceptions = exceptions;
        this.districts = districts;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReconException> search(LocalDate businessDate, String status, String rule, String district,
                                       String project) {
        return search(businessDate, null, null, status, rule, district, project);
    }

    /**
     * The history of a period: every exception seen at any time from {@code from} to {@code to} (open, cleared by a
     * later close, resolved or waived), so that one that cleared stays findable. {@code status} null or ALL: any.
     */
    @Transactional(readOnly = true)
    public List<ReconException> search(LocalDate businessDate, LocalDate from, LocalDate to, String status,
                                       String rule, String district, String project) {
        return page(businessDate, from, to, status, rule, district, project, ExceptionSort.SEVERITY, null, 1000);
    }

    /** One page of {@link #search} in {@code sort} order, after the row {@code afterId} (null: the first page). */
    @Transactional(readOnly = true)
    public List<ReconException> page(LocalDate businessDate, LocalDate from, LocalDate to, String status,
                                     String rule, String district, String project, ExceptionSort sort, Long afterId,
                                     int limit) {
        if (from != null && to != null && from.isAfter(to)) {
            throw Refusal.rule("exception.periodBackwards", from, to);
        }
        Long districtId = district == null || district.isBlank() ? null : districts.require(district).id();
        Long projectId = project == null || project.isBlank() ? null : projects.require(project).id();
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            if (districtId != null && !districtId.equals(user.districtId())) {
                return List.of();
            }
            districtId = user.districtId();
        }
        String wanted = "ALL".equals(status) ? null : blank(status);
        return exceptions.search(businessDate, from, to, wanted, blank(rule), districtId, projectId, sort, afterId,
                Math.max(1, Math.min(limit, 1000)));
    }

    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public ReconException resolve(long id, String status, String note) {
        ReconException before = visible(id);
        if (!RESOLUTIONS.contains(status)) {
            throw Refusal.ruleOnField("status", "exception.badResolution", status);
        }
        if (exceptions.resolve(id, status, note, CurrentUser.username(), clock.nowUtc()) == 0) {
            throw Refusal.conflict("exception.notOpen", before.status());
        }
        ReconException after = exceptions.findById(id);
        audit.write("EXCEPTION_" + status, "exception", id, before, after);
        return after;
    }

    private ReconException visible(long id) {
        ReconException e = exceptions.findById(id);
        LoanUser user = CurrentUser.require();
        boolean inScope = e != null && (user.isCityScope()
                || (e.districtId() != null && e.districtId().equals(user.districtId())));
        if (!inScope) {
            if (e != null) {
                audit.refusal(CurrentUser.username(), "ACCESS_DENIED", "exception", id, AuditTrail.DENIED,
                        "另一区县的异常");
            }
            throw Refusal.notFound("exception.notFound", id);
        }
        return e;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
