package cn.baojiaolou.loan.domain.ledger;

import java.math.BigDecimal;

/** Sums of one project's ledger, for one facility or all. */
public record PositionTotals(BigDecimal paidNet, BigDecimal principalRepaid, BigDecimal interestRepaid,
                             BigDecimal penaltyRepaid) {

    public BigDecimal principalOutstanding() {
        return paidNet.subtract(principalRepaid);
    }
}
