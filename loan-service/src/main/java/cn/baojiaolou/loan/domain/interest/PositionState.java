package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The interest state of one loan position at the end of a day: all the nightly close needs to continue to the
 * next day without replaying the ledger. {@code periodStart} is null until the position has its first event.
 */
public record PositionState(BigDecimal principal, LocalDate periodStart, BigDecimal balanceDays,
                            BigDecimal penaltyBalanceDays, BigDecimal settled, BigDecimal interestPaid,
                            BigDecimal interestDue, BigDecimal penaltySettled, BigDecimal penaltyPaid,
                            BigDecimal penaltyDue) {

    private static final BigDecimal Z = new BigDecimal("0.00");

    public static final PositionState EMPTY = new PositionState(Z, null, Z, Z, Z, Z, Z, Z, Z, Z);

    public boolean started() {
        return periodStart != null;
    }

    /** Applies one posted event of {@code day} (算头不算尾: before the day's closing balance). */
    public PositionState apply(PositionEvent e, LocalDate day) {
        return new PositionState(principal.add(e.principalChange()), periodStart == null ? day : periodStart,
                balanceDays, penaltyBalanceDays, settled, interestPaid.add(e.interestPaid()),
                interestDue.subtract(e.interestPaid()), penaltySettled, penaltyPaid.add(e.penaltyPaid()),
                penaltyDue.subtract(e.penaltyPaid()));
    }
}
