package cn.baojiaolou.loan.domain.ledger;

import cn.baojiaolou.loan.domain.Refusal;

import java.time.LocalDate;

/**
 * Value dates of postings: not in the future, not before the facility's start, and never before the latest posting
 * of the same position. Interest is replayed from the ledger, so back-valuing would silently rewrite interest and
 * repayment splits that were already answered.
 */
public final class ValueDates {

    private ValueDates() {
    }

    /**
     * @param field         the request field that carries the date, named in the refusal
     * @param today         the business date today (Asia/Shanghai)
     * @param facilityStart the start of the facility the posting moves money of
     * @param latestPosted  the latest value date posted on the same position, or null
     */
    public static void check(String field, LocalDate valueDate, LocalDate today, LocalDate facilityStart,
                             LocalDate latestPosted) {
        if (valueDate.isAfter(today)) {
            throw Refusal.ruleOnField(field, "valueDate.future", today);
        }
        if (valueDate.isBefore(facilityStart)) {
            throw Refusal.ruleOnField(field, "valueDate.beforeFacility", facilityStart);
        }
        if (latestPosted != null && valueDate.isBefore(latestPosted)) {
            throw Refusal.ruleOnField(field, "valueDate.backdated", latestPosted);
        }
    }
}
