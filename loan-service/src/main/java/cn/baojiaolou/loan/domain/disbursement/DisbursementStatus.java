package cn.baojiaolou.loan.domain.disbursement;

/** requested (maker) → approved or rejected (checker) → paid → possibly reversed. */
public enum DisbursementStatus {
    REQUESTED, APPROVED, REJECTED, PAID, REVERSED
}
