package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;

/** What a position owes at a moment: settled penalty and interest not yet paid, and principal outstanding. */
public record DueAmounts(BigDecimal penaltyDue, BigDecimal interestDue, BigDecimal principal) {

    /** Penalty and settled interest due: what an interest payment may pay at most. */
    public BigDecimal interestWithPenalty() {
        return penaltyDue.add(interestDue);
    }
}
