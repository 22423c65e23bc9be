package cn.baojiaolou.loan.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.facility.TermChangeRules;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;

/**
 * 展期 and rate changes of a facility, maker-checker: a city accountant asks with the approval's document
 * ({@link TermChangeRules}), a reviewer other than the one who asked approves or rejects. Both take the facility's
 * row lock first (the lock order of every money write: facility, then the rest), so a change and a posting of the
 * same facility never interleave, and the rules are checked again at approval.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class FacilityTermService {

    private final FacilityMapper facilities;
    private final FacilityService facilityService;
    private final TermChangeMapper changes;
    private final FacilityTerms terms;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public FacilityTermService(FacilityMapper facilities, FacilityService facilityService, TermChangeMapper changes,
                               FacilityTerms terms, AuditTrail audit, BusinessClock clock) {
        this.facilities = facilities;
        this.facilityService = facilityService;
        this.changes = changes;
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public TermChange request(String facilityCode, TermChange.Kind kind, LocalDate effectiveOn,
                              LocalDate newMaturity, BigDecimal newRate, String approvalRef) {
        Facility f = require(facilityCode);
        requireCityScope(f);
        facilities.lock(f.id());
        TermChangeRules.check(kind, effectiveOn, newMaturity, newRate, terms.of(f), f.startDate(),
                changes.lastClosedDay(), changes.lastPosting(f.id()));
        GeneratedKey key = new GeneratedKey();
        changes.insert(f.id(), kind, effectiveOn, newMaturity, newRate, approvalRef, CurrentUser.username(),
                clock.nowUtc(), key);
        TermChange created = changes.findById(key.getId());
        audit.write("TERM_CHANGE_REQUESTED", "facility", f.code(), null, created);
        return created;
    }

    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public TermChange approve(String facilityCode, long id, String note) {
        return decide(facilityCode, id, TermChange.Status.APPROVED, note, "TERM_CHANGE_APPROVED");
    }

    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public TermChange reject(String facilityCode, long id, String reason) {
        return decide(facilityCode, id, TermChange.Status.REJECTED, reason, "TERM_CHANGE_REJECTED");
    }

    @Transactional(readOnly = true)
    public List<TermChange> history(String facilityCode) {
        return changes.ofFacility(require(facilityCode).id());
    }

    private TermChange decide(String facilityCode, long id, TermChange.Status to, String note, String action) {
        Facility f = require(facilityCode);
        requireCityScope(f);
        facilities.lock(f.id());
        TermChange before = changes.lock(id);
        if (before == null || before.facilityId() != f.id()) {
            throw Refusal.notFound("termChange.notFound", id);
        }
        if (before.status() != TermChange.Status.REQUESTED) {
            throw Refusal.conflict("termChange.decided", id);
        }
        LoanUser user = CurrentUser.require();
        if (user.username().equals(before.requestedBy())) {
            audit.refusal(user.username(), "ACCESS_DENIED", "facility", f.code(), AuditTrail.DENIED,
                    "不能复核自己提交的条款变更");
            throw Refusal.forbidden("termChange.ownRequest");
        }
        if (to == TermChange.Status.APPROVED) {
            // the days closed and the postings made since it was asked for count too
            TermChangeRules.check(before.kind(), before.effectiveOn(), before.newMaturityDate(),
                    before.newAnnualRate(), terms.of(f), f.startDate(), changes.lastClosedDay(),
                    changes.lastPosting(f.id()));
        }
        changes.decide(id, to, user.username(), clock.nowUtc(), note);
        TermChange after = changes.findById(id);
        audit.write(action, "facility", f.code(), before, after);
        return after;
    }

    private Facility require(String code) {
        return facilityService.require(code);
    }

    private void requireCityScope(Facility f) {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            audit.refusal(user.username(), "ACCESS_DENIED", "facility", f.code(), AuditTrail.DENIED,
                    "区县用户不能变更借款条款");
            throw Refusal.forbidden("facility.cityOnly");
        }
    }
}
