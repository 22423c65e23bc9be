package cn.baojiaolou.loan.domain.milestone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How much of a project's allocation verified construction progress has unlocked: the allocation × the cumulative
 * cap of the last verified milestone, rounded half-up to the fen. Milestones are verified in order, so the last
 * verified one carries the highest cap.
 */
public final class MilestoneReleaseCap {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MilestoneReleaseCap() {
    }

    public static BigDecimal capPercent(List<Milestone> milestones) {
        return milestones.stream().filter(Milestone::verified).map(Milestone::cumulativeCapPercent)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    public static BigDecimal unlocked(BigDecimal allocated, List<Milestone> milestones) {
        return unlocked(allocated, capPercent(milestones));
    }

    /** allocation × cumulative % / 100, rounded half-up to the fen. */
    public static BigDecimal unlocked(BigDecimal allocated, BigDecimal capPercent) {
        return allocated.multiply(capPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
