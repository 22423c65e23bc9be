package cn.baojiaolou.loan.domain.ledger;

/** Kinds of posted money movement, with their sign on the 专户 (the dedicated account). */
public enum EntryType {
    /** 提款: lender → 专户. */
    DRAWDOWN,
    /** 统还: 专户 → lender, principal and interest. */
    CENTRAL_REPAYMENT,
    /** 拨付: 专户 → a registered payee of a project. */
    PAYMENT,
    /** 冲正: compensating entry for a payment that came back. */
    PAYMENT_REVERSAL,
    /** 项目还款: a project's sales proceeds → 专户. */
    PROJECT_REPAYMENT
}
