package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.court.CourtRegister;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Probable duplicates held by the statement import (issue 12): an accountant confirms one (it becomes a statement
 * line, the nightly close sees it from then on, and a flagged debit opens its court deduction) or drops it (it stays
 * recorded, so a re-import of the same file skips it). Both under the facility's row lock, audited.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class HeldLines {

    public static final String HELD = "HELD";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String DROPPED = "DROPPED";
    static final int MAX_ROWS = 1000;

    private final BankStatementMapper mapper;
    private final BankStatementImporter importer;
    private final FacilityMapper facilities;
    private final CourtRegister court;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public HeldLines(BankStatementMapper mapper, BankStatementImporter importer, FacilityMapper facilities,
                     CourtRegister court, AuditTrail audit, BusinessClock clock) {
        this.mapper = mapper;
        this.importer = importer;
        this.facilities = facilities;
        this.court = court;
        this.audit = audit;
        this.clock = clock;
    }

    /** Held lines of one 专户 (or all), in the order they were held; {@code status} null for every state. */
    @Transactional(readOnly = true)
    public List<BankStatementMapper.HeldLine> list(String account, String status) {
        Long facilityId = account == null || account.isBlank() ? null : importer.resolve(account).id();
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !List.of(HELD, CONFIRMED, DROPPED).contains(s)) {
            throw Refusal.invalid("status", "bankStatement.heldStatus", status);
        }
        return mapper.held(facilityId, s, MAX_ROWS);
    }

    /** 确认导入: the held line becomes a statement line of its 专户 (with its own serial number). */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public BankStatementMapper.HeldLine confirm(long id, String note) {
        BankStatementMapper.HeldLine h = lockedHeld(id);
        mapper.insertFromHeld(id);
        Long lineId = mapper.lineIdBySerial(h.facilityId(), h.bankSerialNo());
        mapper.decideHeld(id, CONFIRMED, CurrentUser.username(), clock.nowUtc(), note, lineId);
        if (h.courtFlag() && h.direction() == Direction.DEBIT) {
            court.registerFromStatement(h.facilityId(), List.of(lineId));
        }
        BankStatementMapper.HeldLine after = mapper.findHeld(id);
        audit.write("BANK_LINE_HELD_CONFIRMED", "facility", h.facilityCode(), h, after);
        return after;
    }

    /** 舍弃: the held line is a duplicate; it is kept as dropped and never imported. */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public BankStatementMapper.HeldLine drop(long id, String note) {
        BankStatementMapper.HeldLine h = lockedHeld(id);
        mapper.decideHeld(id, DROPPED, CurrentUser.username(), clock.nowUtc(), note, null);
        BankStatementMapper.HeldLine after = mapper.findHeld(id);
        audit.write("BANK_LINE_HELD_DROPPED", "facility", h.facilityCode(), h, after);
        return after;
    }

    private BankStatementMapper.HeldLine lockedHeld(long id) {
        BankStatementImporter.requireCityScope();
        BankStatementMapper.HeldLine before = mapper.findHeld(id);
        if (before == null) {
            throw Refusal.notFound("bankStatement.heldNotFound", id);
        }
        facilities.lock(before.facilityId());
        mapper.lockHeld(id);
        BankStatementMapper.HeldLine h = mapper.findHeld(id);
        if (!HELD.equals(h.status())) {
            throw Refusal.conflict("bankStatement.heldDecided", id, h.status(), h.decidedBy());
        }
        return h;
    }
}
