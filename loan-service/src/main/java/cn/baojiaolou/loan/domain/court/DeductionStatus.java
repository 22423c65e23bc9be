package cn.baojiaolou.loan.domain.court;

/** Where a court deduction (扣划) stands: open until recovered in full or written off. */
public enum DeductionStatus {
    /** 未追回: money is gone, nothing decided yet; the nightly rule COURT_DEDUCTION raises it every night. */
    OPEN,
    /** 已追回: recoveries add up to the amount. */
    RECOVERED,
    /** 已核销: a reviewer accepted the loss of what was not recovered. */
    WRITTEN_OFF
}
