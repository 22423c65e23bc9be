package cn.baojiaolou.loan.domain.repayment;

import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.interest.DueAmounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The repayment waterfall, the one place it is written: money paid back pays penalty interest (罚息) due first, then
 * settled interest due, then principal; interest accrued but not yet settled is not due. A project drawing on several
 * facilities pays each layer across all of them, in the order the facilities were allocated, before the next layer.
 * Used by project repayments ({@link #split}), 统还 ({@link #interestPart}) and the benchmark's data generator
 * ({@link #payInto}).
 */
public final class RepaymentWaterfall {

    private RepaymentWaterfall() {
    }

    public record Part(BigDecimal penalty, BigDecimal interest, BigDecimal principal) {
        public BigDecimal total() {
            return penalty.add(interest).add(principal);
        }
    }

    private record Layers(List<Part> parts, BigDecimal left) {
    }

    /** @return one part per position, in the same order; null when the amount exceeds everything owed */
    public static List<Part> split(BigDecimal amount, List<DueAmounts> positions) {
        requirePositive(amount);
        Layers layers = layers(amount, positions, true);
        return layers.left().signum() > 0 ? null : layers.parts();
    }

    /** One position, taking at most what it owes: what a generated repayment of {@code amount} pays. */
    public static Part payInto(BigDecimal amount, DueAmounts position) {
        requirePositive(amount);
        return layers(amount, List.of(position), true).parts().get(0);
    }

    /**
     * The interest part of a 统还 (central repayment): it pays penalty due first, then settled interest; principal is
     * named separately. {@code interest} may not exceed {@link DueAmounts#interestWithPenalty()} (the caller refuses).
     */
    public static Part interestPart(BigDecimal interest, DueAmounts facility) {
        if (interest.signum() == 0) {
            return new Part(Money.ZERO, Money.ZERO, Money.ZERO);
        }
        return layers(interest, List.of(facility), false).parts().get(0);
    }

    public static BigDecimal totalOwed(List<DueAmounts> positions) {
        return positions.stream().map(d -> d.interestWithPenalty().add(d.principal()))
                .reduce(Money.ZERO, BigDecimal::add);
    }

    private static Layers layers(BigDecimal amount, List<DueAmounts> positions, boolean withPrincipal) {
        int n = positions.size();
        BigDecimal[] penalty = new BigDecimal[n];
        BigDecimal[] interest = new BigDecimal[n];
        BigDecimal[] principal = new BigDecimal[n];
        BigDecimal left = amount;
        for (int i = 0; i < n; i++) {
            penalty[i] = left.min(positions.get(i).penaltyDue().max(Money.ZERO));
            left = left.subtract(penalty[i]);
        }
        for (int i = 0; i < n; i++) {
            interest[i] = left.min(positions.get(i).interestDue().max(Money.ZERO));
            left = left.subtract(interest[i]);
        }
        for (int i = 0; i < n; i++) {
            principal[i] = withPrincipal ? left.min(positions.get(i).principal().max(Money.ZERO))
                    : Money.ZERO;
            left = left.subtract(principal[i]);
        }
        List<Part> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Part(penalty[i], interest[i], principal[i]));
        }
        return new Layers(parts, left);
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a repayment is a positive amount: " + amount);
        }
    }
}
