package cn.baojiaolou.loan.domain.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The contract terms interest depends on, over time: the terms of the contract, then each approved change (展期 or a
 * new rate) from the day it takes effect.
 *
 * @param annualRate    the contract's rate, e.g. 0.028 for 2.8% a year
 * @param penaltyMarkup e.g. 0.5: penalty interest (罚息) runs at the rate in force × (1 + 0.5)
 * @param maturityDate  the contract's maturity: principal outstanding at the end of it is overdue from the next day
 * @param steps         approved changes in effective-date order (none for a contract never changed)
 */
public record InterestTerms(BigDecimal annualRate, BigDecimal penaltyMarkup, LocalDate maturityDate,
                            List<Step> steps) {

    /**
     * One approved change, in force from {@code effectiveOn}: a new rate, or a new maturity (展期), or both (null =
     * unchanged).
     */
    public record Step(LocalDate effectiveOn, BigDecimal annualRate, LocalDate maturityDate) {
    }

    public InterestTerms {
        steps = steps.stream().sorted(Comparator.comparing(Step::effectiveOn)).toList();
    }

    public InterestTerms(BigDecimal annualRate, BigDecimal penaltyMarkup, LocalDate maturityDate) {
        this(annualRate, penaltyMarkup, maturityDate, List.of());
    }

    /** The rate in force on {@code day}. */
    public BigDecimal rateOn(LocalDate day) {
        BigDecimal rate = annualRate;
        for (Step s : steps) {
            if (s.effectiveOn().isAfter(day)) {
                break;
            }
            if (s.annualRate() != null) {
                rate = s.annualRate();
            }
        }
        return rate;
    }

    /** The maturity in force on {@code day}: an extension (展期) effective by then replaces the contract's. */
    public LocalDate maturityOn(LocalDate day) {
        LocalDate maturity = maturityDate;
        for (Step s : steps) {
            if (s.effectiveOn().isAfter(day)) {
                break;
            }
            if (s.maturityDate() != null) {
                maturity = s.maturityDate();
            }
        }
        return maturity;
    }

    /** Whether a new rate takes effect on {@code day} (the 积数 splits there). */
    public boolean rateChangesOn(LocalDate day) {
        return rateOn(day).compareTo(rateOn(day.minusDays(1))) != 0;
    }

    public BigDecimal penaltyRate() {
        return annualRate.multiply(BigDecimal.ONE.add(penaltyMarkup));
    }
}
