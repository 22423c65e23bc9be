package cn.baojiaolou.loan.domain.interest;

import cn.baojiaolou.loan.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One posted movement of a loan position, in the order it was posted.
 * An advance raises principal (a payment to a project, a drawdown); a repayment pays, in its recorded split,
 * penalty due, settled interest due and principal.
 */
public record PositionEvent(LocalDate valueDate, BigDecimal principalChange, BigDecimal interestPaid,
                            BigDecimal penaltyPaid) {

    public static PositionEvent advance(LocalDate valueDate, BigDecimal amount) {
        return new PositionEvent(valueDate, amount, Money.ZERO, Money.ZERO);
    }

    /** A reversal of an advance: principal goes back down from its value date on. */
    public static PositionEvent advanceReversal(LocalDate valueDate, BigDecimal amount) {
        return new PositionEvent(valueDate, amount.negate(), Money.ZERO, Money.ZERO);
    }

    public static PositionEvent repayment(LocalDate valueDate, BigDecimal principal, BigDecimal interest,
                                          BigDecimal penalty) {
        return new PositionEvent(valueDate, principal.negate(), interest, penalty);
    }
}
