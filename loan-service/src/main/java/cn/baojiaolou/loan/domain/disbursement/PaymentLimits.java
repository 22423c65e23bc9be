package cn.baojiaolou.loan.domain.disbursement;

import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.court.AccountHolds;

import java.math.BigDecimal;

/**
 * The hard limits a disbursement must pass, in plain numbers (DOMAIN.md "Money flows" 3, the 专户 rule and "Court
 * actions on the 专户"). Each check answers the headroom left, so a refusal can say how much would still pass.
 * <p>A request reserves (预占) its amount until it is paid or rejected: at request time the headroom counts what is
 * paid and what other requests have reserved (REQUESTED and APPROVED), so no one approves what cannot be paid. At
 * payment time the reservations are zero: the request being paid is one of them, and the others were admitted
 * beside it. The 专户 can cover a payment when the amount is within its book balance less what court freezes and
 * unrecovered deductions hold back ({@link AccountHolds#available}); exactly the available balance passes, one fen
 * more does not.
 *
 * @param accountBalance       the 专户's book balance; null when it is not checked (a request)
 * @param reservedOnAllocation requested and approved, not paid, on this facility's allocation
 * @param reservedOnProject    requested and approved, not paid, on the whole project
 */
public record PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                            BigDecimal paidOnProject, BigDecimal accountBalance, BigDecimal reservedOnAllocation,
                            BigDecimal reservedOnProject, AccountHolds holds) {

    public enum Breach { OVER_ALLOCATION, OVER_PROGRESS, ACCOUNT_OVERDRAFT, ACCOUNT_HELD }

    public record Verdict(Breach breach, BigDecimal headroom) {
        public boolean passes() {
            return breach == null;
        }
    }

    public PaymentLimits {
        reservedOnAllocation = reservedOnAllocation == null ? Money.ZERO : reservedOnAllocation;
        reservedOnProject = reservedOnProject == null ? Money.ZERO : reservedOnProject;
        holds = holds == null ? AccountHolds.NONE : holds;
    }

    /** Limits without reservations or court holds (a payment from a 专户 no court has touched). */
    public PaymentLimits(BigDecimal allocated, BigDecimal paidOnAllocation, BigDecimal unlocked,
                         BigDecimal paidOnProject, BigDecimal accountBalance) {
        this(allocated, paidOnAllocation, unlocked, paidOnProject, accountBalance, Money.ZERO, Money.ZERO,
                AccountHolds.NONE);
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

    /** What the 专户 can pay now: the book balance less court holds; null when the 专户 is not checked. */
    public BigDecimal available() {
        return accountBalance == null ? null : holds.available(accountBalance);
    }

    /**
     * Σ paid + reserved ≤ allocation, then Σ paid + reserved ≤ unlocked cap, then the 专户's book balance covers it,
     * then its available balance (court holds) does. Exactly reaching a cap passes.
     */
    public Verdict check(BigDecimal amount) {
        if (amount.compareTo(allocationHeadroom()) > 0) {
            return new Verdict(Breach.OVER_ALLOCATION, allocationHeadroom().max(Money.ZERO));
        }
        if (amount.compareTo(progressHeadroom()) > 0) {
            return new Verdict(Breach.OVER_PROGRESS, progressHeadroom().max(Money.ZERO));
        }
        if (accountBalance != null && amount.compareTo(accountBalance) > 0) {
            return new Verdict(Breach.ACCOUNT_OVERDRAFT, accountBalance.max(Money.ZERO));
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
