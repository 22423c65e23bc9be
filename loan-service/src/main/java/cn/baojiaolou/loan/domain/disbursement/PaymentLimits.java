package cn.baojiaolou.loan.domain.disbursement;

import cn.baojiaolou.loan.domain.court.AccountHolds;

import java.math.BigDecimal;

/**
 * The hard limits a payment must pass, in plain numbers (DOMAIN.md "Money flows" 3, the 专户 rule and "Court actions
 * on the 专户"). Each check answers the headroom left, so a refusal can say how much would still pass. The 专户 can
 * cover a payment when the amount is within its book balance less what court freezes and unrecovered deductions
 * hold back ({@link AccountHolds#available}); exactly the available balance passes, one fen more does not.
 */
public record PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                            BigDecimal paidOnProject, BigDecimal accountBalance, AccountHolds holds) {

    public enum Breach { OVER_ALLOCATION, OVER_PROGRESS, ACCOUNT_OVERDRAFT, ACCOUNT_HELD }

    public record Verdict(Breach breach, BigDecimal headroom) {
        public boolean passes() {
            return breach == null;
        }
    }

    /** Limits without court holds (a request, or a 专户 no court has touched). */
    public PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                         BigDecimal paidOnProject, BigDecimal accountBalance) {
        this(allocated, paidOnAllocation, unlocked, paidOnProject, accountBalance, AccountHolds.NONE);
    }

    public PaymentLimits {
        holds = holds == null ? AccountHolds.NONE : holds;
    }

    public BigDecimal allocationHeadroom() {
        return allocated.subtract(paidOnAllocation);
    }

    public BigDecimal progressHeadroom() {
        return unlocked.subtract(paidOnProject);
    }

    /** What the 专户 can pay now: the book balance less court holds; null when the 专户 is not checked. */
    public BigDecimal available() {
        return accountBalance == null ? null : holds.available(accountBalance);
    }

    /**
     * Σ paid ≤ allocation, then Σ paid ≤ unlocked cap, then the 专户's book balance covers it, then its available
     * balance (court holds) does. Exactly reaching a cap passes.
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
        if (accountBalance != null && amount.compareTo(available()) > 0) {
            return new Verdict(Breach.ACCOUNT_HELD, available());
        }
        return new Verdict(null, null);
    }

    /**
     * The 专户 rule alone, for money leaving it other than a payment (统还): null when {@code amount} is within the
     * available balance, else the breach.
     */
    public static Breach accountBreach(BigDecimal amount, BigDecimal bookBalance, AccountHolds holds) {
        if (amount.compareTo(bookBalance) > 0) {
            return Breach.ACCOUNT_OVERDRAFT;
        }
        return amount.compareTo((holds == null ? AccountHolds.NONE : holds).available(bookBalance)) > 0
                ? Breach.ACCOUNT_HELD : null;
    }
}
