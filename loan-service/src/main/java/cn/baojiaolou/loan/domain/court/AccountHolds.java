package cn.baojiaolou.loan.domain.court;

import java.math.BigDecimal;

import cn.baojiaolou.loan.domain.Money;

/**
 * What court actions hold back of a 专户's book balance: the amounts frozen and not yet released, and the amounts
 * deducted and not recovered (a written-off deduction stays gone). The book balance (drawdowns − payments + project
 * repayments − 统还) knows neither, so the money the 专户 can still pay is the book balance less both.
 */
public record AccountHolds(BigDecimal frozen, BigDecimal deducted) {

    public static final AccountHolds NONE = new AccountHolds(Money.ZERO, Money.ZERO);

    public BigDecimal total() {
        return frozen.add(deducted);
    }

    /** The book balance less what the courts hold back: what a payment may take. Never below zero. */
    public BigDecimal available(BigDecimal bookBalance) {
        return bookBalance.subtract(total()).max(Money.ZERO); // 0.00, not 0: amounts keep two decimals
    }

    public boolean any() {
        return total().signum() > 0;
    }
}
