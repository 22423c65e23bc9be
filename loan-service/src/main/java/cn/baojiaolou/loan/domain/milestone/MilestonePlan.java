package cn.baojiaolou.loan.domain.milestone;

import cn.baojiaolou.loan.domain.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's release schedule (工程节点), the one place its rules live: milestones are planned in order with
 * cumulative caps that rise and end at most at 100 %; they are verified once each, in order, on dates that never go
 * backwards along the schedule, never lie in the future and never before the project could be paid at all; and the
 * homes a verification delivers never exceed the homes still undelivered.
 */
public final class MilestonePlan {

    public static final BigDecimal FULL = BigDecimal.valueOf(100);

    private MilestonePlan() {
    }

    /** A new milestone comes after {@code existing}: its cap is above the last one's and at most 100 %. */
    public static void checkNext(List<Milestone> existing, BigDecimal capPercent) {
        if (capPercent.signum() <= 0 || capPercent.compareTo(FULL) > 0) {
            throw Refusal.ruleOnField("cumulativeCapPercent", "milestone.capOutOfRange", capPercent);
        }
        if (!existing.isEmpty()) {
            Milestone last = existing.get(existing.size() - 1);
            if (capPercent.compareTo(last.cumulativeCapPercent()) <= 0) {
                throw Refusal.ruleOnField("cumulativeCapPercent", "milestone.capNotIncreasing", last.name(),
                        last.cumulativeCapPercent());
            }
        }
    }

    /**
     * A verification of {@code m} on {@code verifiedOn}.
     *
     * @param schedule       every milestone of the project, in order
     * @param today          the business date today
     * @param notBefore      the earliest date progress can count from (the first allocation's approval or the
     *                       facility's start, whichever is later), or null when the project has no allocation yet
     * @param totalUnits     the project's homes
     * @param deliveredUnits the homes delivered so far
     * @param unitsDelivered the homes this verification delivers, or null
     */
    public static void checkVerification(List<Milestone> schedule, Milestone m, LocalDate verifiedOn,
                                         LocalDate today, LocalDate notBefore, int totalUnits, int deliveredUnits,
                                         Integer unitsDelivered) {
        if (m.verified()) {
            throw Refusal.conflict("milestone.alreadyVerified", m.name(), m.verifiedOn());
        }
        if (verifiedOn.isAfter(today)) {
            throw Refusal.ruleOnField("verifiedOn", "valueDate.future", today);
        }
        Milestone previous = null;
        for (Milestone before : schedule) {
            if (before.seq() < m.seq()) {
                if (!before.verified()) {
                    throw Refusal.rule("milestone.previousNotVerified", before.name());
                }
                previous = before;
            }
        }
        if (previous != null && verifiedOn.isBefore(previous.verifiedOn())) {
            throw Refusal.ruleOnField("verifiedOn", "milestone.verifiedBeforePrevious", previous.name(),
                    previous.verifiedOn());
        }
        if (notBefore != null && verifiedOn.isBefore(notBefore)) {
            throw Refusal.ruleOnField("verifiedOn", "milestone.verifiedBeforeStart", notBefore);
        }
        if (unitsDelivered != null && deliveredUnits + unitsDelivered > totalUnits) {
            throw Refusal.ruleOnField("unitsDelivered", "milestone.tooManyUnits", totalUnits - deliveredUnits);
        }
    }
}
