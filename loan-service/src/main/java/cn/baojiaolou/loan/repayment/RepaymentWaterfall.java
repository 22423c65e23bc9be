package cn.baojiaolou.loan.repayment;

import cn.baojiaolou.loan.interest.DueAmounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a project repayment across what is due: penalty interest first, then settled interest, then principal
 * (interest accrued but not yet settled is not due). A project drawing on several facilities pays each layer across
 * all of them, in the order the facilities were allocated, before the next layer.
 */
public final class RepaymentWaterfall {

    private RepaymentWaterfall() {
    }

    public record Part(BigDecimal penalty, BigDecimal interest, BigDecimal principal) {
        public BigDecimal total() {
            return penalty.add(interest).add(principal);
        }
    }

    /** @return one part per position, in the same order; null when the amount exceeds everything owed */
    public static List<Part> split(BigDecimal amount, List<DueAmounts> positions) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a repayment is a positive amount: " + amount);
        }
        int n = positions.size();
        BigDecimal[] penalty = new BigDecimal[n];
        BigDecimal[] interest = new BigDecimal[n];
        BigDecimal[] principal = new BigDecimal[n];
        BigDecimal left = amount;
        for (int i = 0; i < n; i++) {
            penalty[i] = left.min(positions.get(i).penaltyDue().max(BigDecimal.ZERO));
            left = left.subtract(penalty[i]);
        }
        for (int i = 0; i < n; i++) {
            interest[i] = left.min(positions.get(i).interestDue().max(BigDecimal.ZERO));
            left = left.subtract(interest[i]);
        }
        for (int i = 0; i < n; i++) {
            principal[i] = left.min(positions.get(i).principal().max(BigDecimal.ZERO));
            left = left.subtract(principal[i]);
        }
        if (left.signum() > 0) {
            return null;
        }
        List<Part> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Part(penalty[i], interest[i], principal[i]));
        }
        return parts;
    }

    public static BigDecimal totalOwed(List<DueAmounts> positions) {
        return positions.stream().map(d -> d.penaltyDue().add(d.interestDue()).add(d.principal()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
