package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The interest state of one loan position at the end of a day: all the nightly close needs to continue to the
 * next day without replaying the ledger. {@code periodStart} is null until the position has its first event.
 * {@code rateAdjustment} (and its penalty twin) carries a rate change inside the open period exactly: the period's
 * interest is (积数 × the rate in force at settlement + rateAdjustment) / 360, where rateAdjustment is
 * Σ 积数 of each earlier part × (its rate − the rate now). Zero while the period had one rate.
 */
public record PositionState(BigDecimal principal, LocalDate periodStart, BigDecimal balanceDays,
                            BigDecimal penaltyBalanceDays, BigDecimal settled, BigDecimal interestPaid,
                            BigDecimal interestDue, BigDecimal penaltySettled, BigDecimal penaltyPaid,
                            BigDecimal penaltyDue, BigDecimal rateAdjustment, BigDecimal penaltyRateAdjustment) {

    private static final BigDecimal Z = new BigDecimal("0.00");

    public static final PositionState EMPTY = new PositionState(Z, null, Z, Z, Z, Z, Z, Z, Z, Z);

    /** A state of a period with one rate (no adjustment). */
    public PositionState(BigDecimal principal, LocalDate periodStart, BigDecimal balanceDays,
                         BigDecimal penaltyBalanceDays, BigDecimal settled, BigDecimal interestPaid,
                         BigDecimal interestDue, BigDecimal penaltySettled, BigDecimal penaltyPaid,
                         BigDecimal penaltyDue) {
        this(principal, periodStart, balanceDays, penaltyBalanceDays, settled, interestPaid, interestDue,
                penaltySettled, penaltyPaid, penaltyDue, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public PositionState {
        rateAdjustment = rateAdjustment == null ? BigDecimal.ZERO : rateAdjustment;
        penaltyRateAdjustment = penaltyRateAdjustment == null ? BigDecimal.ZERO : penaltyRateAdjustment;
    }

    public boolean started() {
        return periodStart != null;
    }

    /** Applies one posted event of {@code day} (算头不算尾: before the day's closing balance). */
    public PositionState apply(PositionEvent e, LocalDate day) {
        return new PositionState(principal.add(e.principalChange()), periodStart == null ? day : periodStart,
                balanceDays, penaltyBalanceDays, settled, interestPaid.add(e.interestPaid()),
                interestDue.subtract(e.interestPaid()), penaltySettled, penaltyPaid.add(e.penaltyPaid()),
                penaltyDue.subtract(e.penaltyPaid()), rateAdjustment, penaltyRateAdjustment);
    }
}
