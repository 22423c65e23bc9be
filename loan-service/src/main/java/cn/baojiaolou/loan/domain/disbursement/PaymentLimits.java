package cn.baojiaolou.loan.domain.disbursement;

import java.math.BigDecimal;

/**
 * The hard limits a payment must pass, in plain numbers (DOMAIN.md "Money flows" 3 and the 专户 rule).
 * Each check answers the headroom left, so a refusal can say how much would still pass.
 */
public record PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                            BigDecimal paidOnProject, BigDecimal accountBalance) {

    public enum Breach { OVER_ALLOCATION, OVER_PROGRESS, ACCOUNT_OVERDRAFT }

    public record Verdict(Breach breach, BigDecimal headroom) {
        public boolean passes() {
            return breach == null;
        }
    }

    public BigDecimal allocationHeadroom() {
        return allocated.subtract(paidOnAllocation);
    }

    public BigDecimal progressHeadroom() {
        return unlocked.subtract(paidOnProject);
    }

    /** Σ paid ≤ allocation, then Σ paid ≤ unlocked cap, then the 专户 can cover it. Exactly reaching a cap passes. */
    public Verdict check(BigDecimal amount) {
        if (amount.compareTo(allocationHeadroom()) > 0) {
            return new Verdict(Breach.OVER_ALLOCATION, allocationHeadroom().max(BigDecimal.ZERO));
        }
        if (amount.compareTo(progressHeadroom()) > 0) {
            return new Verdict(Breach.OVER_PROGRESS, progressHeadroom().max(BigDecimal.ZERO));
        }
        if (accountBalance != null && amount.compareTo(accountBalance) > 0) {
            return new Verdict(Breach.ACCOUNT_OVERDRAFT, accountBalance.max(BigDecimal.ZERO));
        }
        return new Verdict(null, null);
    }
}
