package cn.baojiaolou.loan.court;

import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.court.AccountHolds;
import cn.baojiaolou.loan.domain.court.CourtActions;
import cn.baojiaolou.loan.domain.court.CourtDeduction;
import cn.baojiaolou.loan.domain.court.CourtFreeze;
import cn.baojiaolou.loan.domain.court.CourtMemo;
import cn.baojiaolou.loan.domain.court.DeductionStatus;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The register of court actions on the 专户 (issue 12): freezes (冻结) with their release, deductions (扣划) with their
 * recoveries and write-off. A freeze and an unrecovered deduction lower what the 专户 can pay ({@link AccountHolds},
 * read by payments and 统还 under the same facility row lock as these writes). Deductions are opened by the statement
 * import for every debit line whose memo mentions a court action, or by hand. Accountants (city scope) register,
 * release and record recoveries; a reviewer writes a deduction off. Every write is audited.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class CourtRegister {

    /** How many flagged statement lines the register shows. */
    static final int FLAGGED_LINES = 200;

    private final CourtMapper mapper;
    private final FacilityMapper facilities;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public CourtRegister(CourtMapper mapper, FacilityMapper facilities, AuditTrail audit, BusinessClock clock) {
        this.mapper = mapper;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewFreeze(String facilityCode, String court, String caseNo, BigDecimal amount, LocalDate frozenOn,
                            String note, Long bankLineId) {
    }

    public record NewDeduction(String facilityCode, String court, String caseNo, BigDecimal amount,
                               LocalDate deductedOn, String note, Long bankLineId) {
    }

    /** A deduction with its recoveries. */
    public record DeductionView(CourtDeduction deduction, List<CourtMapper.Recovery> recoveries) {
    }

    /** The register of one facility (or all): freezes, deductions, the flagged lines, and the 专户's holds. */
    public record Register(List<CourtFreeze> freezes, List<DeductionView> deductions,
                           List<CourtMapper.FlaggedLine> flaggedLines, AccountHolds holds) {
    }

    /**
     * Opens a deduction for each of the statement's court-flagged debit lines, inside the import's transaction:
     * the amount and date of the line, the court when the counterparty is one, the case number when the memo
     * carries it. Answers how many were opened.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Authorities.ACCOUNTANT_OR_SYSTEM)
    public int registerFromStatement(long facilityId, List<Long> bankLineIds) {
        int opened = 0;
        for (long id : bankLineIds) {
            CourtMapper.FlaggedLine l = mapper.findLine(id);
            if (l == null || l.deductionId() != null) {
                continue;
            }
            GeneratedKey key = new GeneratedKey();
            CourtDeduction d = new CourtDeduction(0, facilityId, l.facilityCode(), l.id(),
                    CourtMemo.court(l.counterpartyName()), CourtMemo.caseNumber(l.memo(), l.counterpartyName()),
                    l.amount(), l.valueDate(), DeductionStatus.OPEN, Money.ZERO, null, null, l.memo());
            mapper.insertDeduction(d, CurrentUser.username(), clock.nowUtc(), key);
            audit.write("COURT_DEDUCTION_REGISTERED", "facility", l.facilityCode(), null,
                    mapper.findDeduction(key.getId()));
            opened++;
        }
        return opened;
    }

    @Transactional(readOnly = true)
    public Register register(String facilityCode) {
        Facility f = facilityCode == null || facilityCode.isBlank() ? null : require(facilityCode);
        Long id = f == null ? null : f.id();
        List<DeductionView> deductions = mapper.deductions(id).stream()
                .map(d -> new DeductionView(d, mapper.recoveries(d.id()))).toList();
        return new Register(mapper.freezes(id), deductions, mapper.flaggedLines(id, FLAGGED_LINES),
                f == null ? null : facilities.holds(f.id()));
    }

    @Transactional(readOnly = true)
    public CourtFreeze freeze(long id) {
        CourtFreeze z = mapper.findFreeze(id);
        if (z == null) {
            throw Refusal.notFound("court.freezeNotFound", id);
        }
        return z;
    }

    @Transactional(readOnly = true)
    public DeductionView deduction(long id) {
        CourtDeduction d = mapper.findDeduction(id);
        if (d == null) {
            throw Refusal.notFound("court.deductionNotFound", id);
        }
        return new DeductionView(d, mapper.recoveries(id));
    }

    /** 冻结: from now on the amount is not available to pay, until released. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public CourtFreeze registerFreeze(NewFreeze n) {
        requireCityScope();
        Facility f = facilities.lock(require(n.facilityCode()).id());
        CourtActions.checkDate("frozenOn", n.frozenOn(), clock.today());
        checkLine(n.bankLineId(), f, null);
        GeneratedKey key = new GeneratedKey();
        mapper.insertFreeze(new CourtFreeze(0, f.id(), f.code(), n.court(), n.caseNo(), n.amount(), n.frozenOn(),
                n.note(), n.bankLineId(), null, null), CurrentUser.username(), clock.nowUtc(), key);
        CourtFreeze created = mapper.findFreeze(key.getId());
        audit.write("COURT_FREEZE_REGISTERED", "facility", f.code(), null, created);
        return created;
    }

    /** 解除冻结: once, not before the freeze; the amount is available again. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public CourtFreeze release(long id, LocalDate releasedOn, String releaseRef) {
        requireCityScope();
        CourtFreeze before = freeze(id);
        facilities.lock(before.facilityId());
        mapper.lockFreeze(id);
        CourtFreeze z = mapper.findFreeze(id);
        CourtActions.checkRelease(z, releasedOn, clock.today());
        mapper.release(id, releasedOn, releaseRef, CurrentUser.username(), clock.nowUtc());
        CourtFreeze after = mapper.findFreeze(id);
        audit.write("COURT_FREEZE_RELEASED", "facility", z.facilityCode(), z, after);
        return after;
    }

    /** A deduction registered by hand (one the statement did not show, or before the statement arrived). */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public DeductionView registerDeduction(NewDeduction n) {
        requireCityScope();
        Facility f = facilities.lock(require(n.facilityCode()).id());
        CourtActions.checkDate("deductedOn", n.deductedOn(), clock.today());
        CourtMapper.FlaggedLine line = checkLine(n.bankLineId(), f, "DEBIT");
        if (line != null && line.deductionId() != null) {
            throw Refusal.conflict("court.lineRegistered", line.id(), line.deductionId());
        }
        GeneratedKey key = new GeneratedKey();
        mapper.insertDeduction(new CourtDeduction(0, f.id(), f.code(), n.bankLineId(), n.court(), n.caseNo(),
                n.amount(), n.deductedOn(), DeductionStatus.OPEN, Money.ZERO, null, null, n.note()),
                CurrentUser.username(), clock.nowUtc(), key);
        CourtDeduction created = mapper.findDeduction(key.getId());
        audit.write("COURT_DEDUCTION_REGISTERED", "facility", f.code(), null, created);
        return new DeductionView(created, List.of());
    }

    /** The court and case number of a deduction the statement opened without them. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public DeductionView particulars(long id, String court, String caseNo) {
        requireCityScope();
        CourtDeduction before = deduction(id).deduction();
        facilities.lock(before.facilityId());
        mapper.lockDeduction(id);
        CourtDeduction d = mapper.findDeduction(id);
        mapper.particulars(id, court, caseNo);
        CourtDeduction after = mapper.findDeduction(id);
        audit.write("COURT_DEDUCTION_UPDATED", "facility", d.facilityCode(), d, after);
        return deduction(id);
    }

    /** 追回: money back into the 专户 against an open deduction; the last fen closes it as RECOVERED. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public DeductionView recover(long id, BigDecimal amount, LocalDate recoveredOn, Long bankLineId, String note) {
        requireCityScope();
        CourtDeduction before = deduction(id).deduction();
        Facility f = facilities.lock(before.facilityId());
        mapper.lockDeduction(id);
        CourtDeduction d = mapper.findDeduction(id);
        DeductionStatus next = CourtActions.checkRecovery(d, amount, recoveredOn, clock.today());
        checkLine(bankLineId, f, "CREDIT");
        mapper.insertRecovery(new CourtMapper.Recovery(0, id, amount, recoveredOn, bankLineId, note, null),
                CurrentUser.username(), clock.nowUtc(), new GeneratedKey());
        if (next != d.status()) {
            mapper.status(id, next.name());
        }
        CourtDeduction after = mapper.findDeduction(id);
        audit.write("COURT_DEDUCTION_RECOVERED", "facility", d.facilityCode(), d, after);
        return deduction(id);
    }

    /** 核销: a reviewer accepts the loss of what was not recovered; the nightly rule stops raising it. */
    @Transactional
    @PreAuthorize(Authorities.REVIEWER)
    public DeductionView writeOff(long id, LocalDate writtenOffOn, String note) {
        requireCityScope();
        CourtDeduction before = deduction(id).deduction();
        facilities.lock(before.facilityId());
        mapper.lockDeduction(id);
        CourtDeduction d = mapper.findDeduction(id);
        CourtActions.checkWriteOff(d, writtenOffOn, clock.today());
        mapper.writeOff(id, writtenOffOn, note, CurrentUser.username(), clock.nowUtc());
        CourtDeduction after = mapper.findDeduction(id);
        audit.write("COURT_DEDUCTION_WRITTEN_OFF", "facility", d.facilityCode(), d, after);
        return deduction(id);
    }

    private Facility require(String code) {
        Facility f = facilities.findByCode(code);
        if (f == null) {
            throw Refusal.ruleOnField("facilityCode", "facility.notFound", code);
        }
        return f;
    }

    /** A statement line named by a registration: of this 专户, and of the direction the action needs. */
    private CourtMapper.FlaggedLine checkLine(Long bankLineId, Facility f, String direction) {
        if (bankLineId == null) {
            return null;
        }
        CourtMapper.FlaggedLine line = mapper.findLine(bankLineId);
        if (line == null || line.facilityId() != f.id()) {
            throw Refusal.ruleOnField("bankLineId", "court.lineNotFound", bankLineId, f.code());
        }
        if (direction != null && !direction.equals(line.direction())) {
            throw Refusal.ruleOnField("bankLineId", "DEBIT".equals(direction) ? "court.lineNotDebit"
                    : "court.lineNotCredit", bankLineId);
        }
        return line;
    }

    private static void requireCityScope() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            throw Refusal.forbidden("facility.cityOnly");
        }
    }
}
