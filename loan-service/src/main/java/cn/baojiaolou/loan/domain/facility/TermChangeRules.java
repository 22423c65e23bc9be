package cn.baojiaolou.loan.domain.facility;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.interest.InterestTerms;

/**
 * What a change of terms must satisfy, asked for and again when approved. It takes effect after the last closed
 * business day (the nightly close already accrued that day at the old terms) and not before the facility's latest
 * posting (no answered split is rewritten). A new maturity lies after the one in force and after the effective day;
 * a new rate is above 0 and at most 20 % a year, and differs from the one in force.
 */
public final class TermChangeRules {

    static final BigDecimal MAX_RATE = new BigDecimal("0.2");

    private TermChangeRules() {
    }

    public static void check(TermChange.Kind kind, LocalDate effectiveOn, LocalDate newMaturity, BigDecimal newRate,
                             InterestTerms terms, LocalDate startDate, LocalDate lastClosed, LocalDate lastPosting) {
        if (effectiveOn.isBefore(startDate)) {
            throw Refusal.ruleOnField("effectiveOn", "termChange.beforeStart", startDate);
        }
        if (lastClosed != null && !effectiveOn.isAfter(lastClosed)) {
            throw Refusal.ruleOnField("effectiveOn", "termChange.closedDay", lastClosed);
        }
        if (lastPosting != null && effectiveOn.isBefore(lastPosting)) {
            throw Refusal.ruleOnField("effectiveOn", "termChange.beforePosting", lastPosting);
        }
        if (kind == TermChange.Kind.EXTENSION) {
            if (newMaturity == null) {
                throw Refusal.invalid("newMaturityDate", "termChange.maturityRequired");
            }
            if (newRate != null) {
                throw Refusal.invalid("newAnnualRate", "termChange.oneKind");
            }
            LocalDate current = terms.maturityOn(effectiveOn);
            if (!newMaturity.isAfter(current) || !newMaturity.isAfter(effectiveOn)) {
                throw Refusal.ruleOnField("newMaturityDate", "termChange.maturityNotLater", current);
            }
        } else {
            if (newRate == null) {
                throw Refusal.invalid("newAnnualRate", "termChange.rateRequired");
            }
            if (newMaturity != null) {
                throw Refusal.invalid("newMaturityDate", "termChange.oneKind");
            }
            if (newRate.signum() <= 0 || newRate.compareTo(MAX_RATE) > 0 || newRate.scale() > 6) {
                throw Refusal.ruleOnField("newAnnualRate", "termChange.rateRange");
            }
            if (newRate.compareTo(terms.rateOn(effectiveOn)) == 0) {
                throw Refusal.ruleOnField("newAnnualRate", "termChange.rateUnchanged", terms.rateOn(effectiveOn));
            }
        }
    }
}
