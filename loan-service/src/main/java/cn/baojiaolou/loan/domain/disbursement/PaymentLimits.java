package cn.baojiaolou.loan.domain.disbursement;

import cn.baojiaolou.loan.domain.Money;

import java.math.BigDecimal;

/**
 * The hard limits a disbursement must pass, in plain numbers (DOMAIN.md "Money flows" 3 and the 专户 rule). Each check
 * answers the headroom left, so a refusal can say how much would still pass.
 * <p>A request reserves (预占) its amount until it is paid or rejected: at request time the headroom counts what is
 * paid and what other requests have reserved (REQUESTED and APPROVED), so no one approves what cannot be paid. At
 * payment time the reservations are zero: the request being paid is one of them, and the others were admitted
 * beside it.
 *
 * @param reservedOnAllocation requested and approved, not paid, on this facility's allocation
 * @param reservedOnProject    requested and approved, not paid, on the whole project
 */
public record PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                            BigDecimal paidOnProject, BigDecimal accountBalance, BigDecimal reservedOnAllocation,
                            BigDecimal reservedOnProject) {

    public enum Breach { OVER_ALLOCATION, OVER_PROGRESS, ACCOUNT_OVERDRAFT }

    public record Verdict(Breach breach, BigDecimal headroom) {
        public boolean passes() {
            return breach == null;
        }
    }

    public BigDecimal allocationHeadroom() {
        return allocated.subtract(paidOnAllocation).subtract(reservedOnAllocation);
    }

    public BigDecimal progressHeadroom() {
        return unlocked.subtract(paidOnProject).subtract(reservedOnProject);
    }

    /**
     * What a new request of a project may still ask for: the lower of its allocation and the cap unlocked by verified
     * progress, less what is paid and what is reserved; never below zero. The pages show it beside the form.
     */
    public static BigDecimal requestable(BigDecimal allocated, BigDecimal unlocked, BigDecimal paid,
                                         BigDecimal reserved) {
        return allocated.min(unlocked).subtract(paid).subtract(reserved).max(Money.ZERO);
    }

    /**
     * Σ paid + reserved ≤ allocation, then Σ paid + reserved ≤ unlocked cap, then the 专户 can cover it. Exactly
     * reaching a cap passes.
     */
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
