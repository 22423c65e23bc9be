package cn.baojiaolou.loan.ledger;

import cn.baojiaolou.loan.common.ApiException;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.facility.Facility;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Value dates of postings: not in the future, inside the facility's term, and never before the latest posting
 * of the same position. Interest is replayed from the ledger, so back-valuing would silently rewrite interest
 * and repayment splits that were already answered.
 */
@Component
public class ValueDates {

    private final BusinessClock clock;

    public ValueDates(BusinessClock clock) {
        this.clock = clock;
    }

    public void check(LocalDate valueDate, Facility facility, LocalDate latestPosted) {
        check("valueDate", valueDate, facility, latestPosted);
    }

    /** As above, naming {@code field} (the request field that carries the date) in the refusal. */
    public void check(String field, LocalDate valueDate, Facility facility, LocalDate latestPosted) {
        if (valueDate.isAfter(clock.today())) {
            throw ApiException.ruleOnField(field, "valueDate.future", clock.today());
        }
        if (valueDate.isBefore(facility.startDate())) {
            throw ApiException.ruleOnField(field, "valueDate.beforeFacility", facility.startDate());
        }
        if (latestPosted != null && valueDate.isBefore(latestPosted)) {
            throw ApiException.ruleOnField(field, "valueDate.backdated", latestPosted);
        }
    }
}
