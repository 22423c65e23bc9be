package cn.baojiaolou.loan.user;

/** The four roles of DOMAIN.md "Users". */
public enum Role {
    /** 会计: records drawdowns, allocations, disbursement requests, repayments. */
    ACCOUNTANT,
    /** 复核: approves or rejects disbursements (never their own) and verifies milestones. */
    REVIEWER,
    /** 审计: reads everything in scope, writes nothing. */
    AUDITOR,
    /** 管理员: users, districts, thresholds; never posts money. */
    ADMIN
}
