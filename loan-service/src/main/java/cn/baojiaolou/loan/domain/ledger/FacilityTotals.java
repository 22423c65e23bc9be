package cn.baojiaolou.loan.domain.ledger;

import java.math.BigDecimal;

/** Sums of a facility's ledger. accountBalance is the 专户: drawdowns − payments + project repayments − 统还. */
public record FacilityTotals(BigDecimal drawn, BigDecimal centralPrincipal, BigDecimal centralInterest,
                             BigDecimal paidNet, BigDecimal projectRepaid, BigDecimal accountBalance) {
}
