package cn.baojiaolou.loan.domain.disbursement;

import cn.baojiaolou.loan.domain.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The life of a disbursement, the one place its steps are allowed or refused: requested (maker) → approved or
 * rejected (checker, never the maker) → paid (not after the facility's maturity) → possibly reversed once, by a
 * compensating row, on or after the payment date and only while the principal it added is still outstanding.
 * Nothing moves backwards and nothing is edited in place.
 */
public final class DisbursementLifecycle {

    private DisbursementLifecycle() {
    }

    /** Approval or rejection: only a request still REQUESTED, and only by someone other than its maker. */
    public static void checkDecision(Disbursement d, String checker) {
        requireStatus(d, DisbursementStatus.REQUESTED);
        if (d.requestedBy().equals(checker)) {
            throw Refusal.forbidden("disbursement.makerIsChecker");
        }
    }

    /** The status a decision moves a request to. */
    public static DisbursementStatus decided(boolean approved) {
        return approved ? DisbursementStatus.APPROVED : DisbursementStatus.REJECTED;
    }

    /** 付款: only an APPROVED request, and not after the facility has matured. */
    public static void checkPayment(Disbursement d, LocalDate paidOn, LocalDate facilityMaturity) {
        requireStatus(d, DisbursementStatus.APPROVED);
        if (paidOn.isAfter(facilityMaturity)) {
            throw Refusal.ruleOnField("paidOn", "disbursement.afterMaturity", facilityMaturity);
        }
    }

    /**
     * 冲正: only a PAID disbursement, once; not dated before its payment; and not once repayments have brought the
     * position's principal below the amount (the reversal would make it negative).
     */
    public static void checkReversal(Disbursement d, LocalDate reversedOn, BigDecimal principalOutstanding) {
        if (d.status() != DisbursementStatus.PAID) {
            throw Refusal.conflict("disbursement.notReversible", d.status());
        }
        if (reversedOn.isBefore(d.paidOn())) {
            throw Refusal.ruleOnField("reversedOn", "disbursement.reversalBeforePayment", d.paidOn());
        }
        if (d.amount().compareTo(principalOutstanding) > 0) {
            throw Refusal.rule("disbursement.reversalAfterRepayment", principalOutstanding);
        }
    }

    private static void requireStatus(Disbursement d, DisbursementStatus expected) {
        if (d.status() != expected) {
            throw Refusal.conflict("disbursement.wrongStatus", d.status(), expected);
        }
    }
}
