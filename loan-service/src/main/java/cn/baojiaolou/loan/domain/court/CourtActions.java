package cn.baojiaolou.loan.domain.court;

import cn.baojiaolou.loan.domain.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rules of the court register, each once: dates are not in the future; a freeze is released once, not before
 * it was frozen; a deduction is recovered only while open and never beyond what is outstanding (recovering the last
 * fen closes it as RECOVERED); only an open deduction is written off, not before it was deducted.
 */
public final class CourtActions {

    private CourtActions() {
    }

    public static void checkDate(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw Refusal.ruleOnField(field, "valueDate.future", today);
        }
    }

    public static void checkRelease(CourtFreeze freeze, LocalDate releasedOn, LocalDate today) {
        if (!freeze.active()) {
            throw Refusal.conflict("court.freezeReleased", freeze.id(), freeze.releasedOn());
        }
        checkDate("releasedOn", releasedOn, today);
        if (releasedOn.isBefore(freeze.frozenOn())) {
            throw Refusal.ruleOnField("releasedOn", "court.beforeFreeze", freeze.frozenOn());
        }
    }

    /** Answers the status after the recovery. */
    public static DeductionStatus checkRecovery(CourtDeduction d, BigDecimal amount, LocalDate on, LocalDate today) {
        if (d.status() != DeductionStatus.OPEN) {
            throw Refusal.conflict("court.deductionClosed", d.id(), d.status().name());
        }
        checkDate("recoveredOn", on, today);
        if (on.isBefore(d.deductedOn())) {
            throw Refusal.ruleOnField("recoveredOn", "court.beforeDeduction", d.deductedOn());
        }
        if (amount.compareTo(d.outstanding()) > 0) {
            throw Refusal.ruleOnField("amount", "court.overRecovery", d.outstanding());
        }
        return amount.compareTo(d.outstanding()) == 0 ? DeductionStatus.RECOVERED : DeductionStatus.OPEN;
    }

    public static void checkWriteOff(CourtDeduction d, LocalDate on, LocalDate today) {
        if (d.status() != DeductionStatus.OPEN) {
            throw Refusal.conflict("court.deductionClosed", d.id(), d.status().name());
        }
        checkDate("writtenOffOn", on, today);
        if (on.isBefore(d.deductedOn())) {
            throw Refusal.ruleOnField("writtenOffOn", "court.beforeDeduction", d.deductedOn());
        }
    }
}
