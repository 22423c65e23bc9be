package cn.baojiaolou.loan.interest;

import java.math.BigDecimal;

/** What a position owes at a moment: settled penalty and interest not yet paid, and principal outstanding. */
public record DueAmounts(BigDecimal penaltyDue, BigDecimal interestDue, BigDecimal principal) {
}
