package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A loan position at the end of {@code asOf}.
 *
 * @param balanceDays        积数 of the open (not yet settled) period
 * @param accrued            balanceDays × rate / 360, rounded half-up to the fen for display only;
 *                           the fen that counts is the one at settlement
 * @param settled            all interest settled so far
 * @param interestPaid       settled interest paid so far
 * @param interestDue        settled interest not yet paid
 * @param penaltyBalanceDays penalty 积数 of the open period
 * @param penaltyAccrued     penaltyBalanceDays × penalty rate / 360, for display
 * @param penaltySettled     penalty settled so far
 * @param penaltyPaid        penalty paid so far
 * @param penaltyDue         settled penalty not yet paid
 * @param overduePrincipal   principal past maturity
 */
public record InterestStatement(LocalDate asOf, BigDecimal principal, BigDecimal balanceDays, BigDecimal accrued,
                                BigDecimal settled, BigDecimal interestPaid, BigDecimal interestDue,
                                BigDecimal penaltyBalanceDays, BigDecimal penaltyAccrued, BigDecimal penaltySettled,
                                BigDecimal penaltyPaid, BigDecimal penaltyDue, BigDecimal overduePrincipal,
                                List<Settlement> settlements) {
}
