package cn.baojiaolou.loan.domain.reconciliation;

/**
 * The thirteen reconciliation rules of the nightly close (DOMAIN.md "Nightly close", and COURT_DEDUCTION of issue
 * 12), by code. Each is implemented by one class of batch-jobs' {@code nightlyclose.rules} package named after it
 * (OVER_PROGRESS → OverProgressRule); their Chinese names are the messages {@code rule.<CODE>}.
 */
public enum RuleCode {
    /** 超进度拨付: Σ paid above the cap unlocked by verified milestones. */
    OVER_PROGRESS,
    /** 超额度拨付: Σ paid above the allocation. */
    OVER_ALLOCATION,
    /** 收款人异常: the payee is not registered for the project, or is the developer itself. */
    PAYEE_NOT_REGISTERED,
    /** 新老划断违规: old debt, taxes or other loans. */
    PROHIBITED_PURPOSE,
    /** 节点逾期: planned date passed, not verified. */
    MILESTONE_OVERDUE,
    /** 资金闲置/疑似表演式复工: paid, no milestone verified within the idle period. */
    IDLE_FUNDS,
    /** 有账无流水: a recorded payment with no bank line. */
    LEDGER_WITHOUT_BANK,
    /** 有流水无账: a 专户 debit with no recorded payment. */
    BANK_WITHOUT_LEDGER,
    /** 金额不符: same voucher, another amount. */
    AMOUNT_MISMATCH,
    /** 余额不符: the book balance of the 专户 is not the statement's. */
    BALANCE_MISMATCH,
    /** 还款逾期: settled interest or principal unpaid after its due date. */
    REPAYMENT_OVERDUE,
    /** 交付逾期: expected delivery passed, homes not delivered. */
    DELIVERY_OVERDUE,
    /** 司法扣划未追回: a court deducted money from the 专户; neither recovered in full nor written off. */
    COURT_DEDUCTION
}
