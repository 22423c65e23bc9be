package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The contract terms interest depends on.
 *
 * @param annualRate    e.g. 0.028 for 2.8% a year
 * @param penaltyMarkup e.g. 0.5: penalty interest (罚息) runs at annualRate × (1 + 0.5)
 * @param maturityDate  principal still outstanding at the end of this day is overdue from the next day
 */
public record InterestTerms(BigDecimal annualRate, BigDecimal penaltyMarkup, LocalDate maturityDate) {

    public BigDecimal penaltyRate() {
        return annualRate.multiply(BigDecimal.ONE.add(penaltyMarkup));
    }
}
