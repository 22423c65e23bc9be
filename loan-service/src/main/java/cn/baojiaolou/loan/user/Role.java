package cn.baojiaolou.loan.user;

import java.util.List;

/** The four roles of DOMAIN.md "Users", and the system principal of the nightly jobs. */
public enum Role {
    /** 会计: records drawdowns, allocations, disbursement requests, repayments. */
    ACCOUNTANT,
    /** 复核: approves or rejects disbursements (never their own) and verifies milestones. */
    REVIEWER,
    /** 审计: reads everything in scope, writes nothing. */
    AUDITOR,
    /** 管理员: users, districts, thresholds; never posts money. */
    ADMIN,
    /** The nightly close and the batch runner's imports ({@link SystemPrincipal}); no person has it. */
    SYSTEM;

    /** The roles a person can hold (and log in with). */
    public static final List<Role> PEOPLE = List.of(ACCOUNTANT, REVIEWER, AUDITOR, ADMIN);
}
