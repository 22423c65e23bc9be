package cn.baojiaolou.loan.domain.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.baojiaolou.loan.domain.Refusal;

/**
 * 停工 → 复工 → 竣工 → 交付 → 销号. A project moves one step forward at a time; a resumed project may stall again
 * (复工 → 停工). 销号 is final. A change takes effect on a date that is not in the future and not before the change
 * before it, so the history reads in order and the status on any date is the last change on or before it.
 */
public final class ProjectLifeCycle {

    private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT = Map.of(
            ProjectStatus.STOPPED, Set.of(ProjectStatus.RESUMED),
            ProjectStatus.RESUMED, Set.of(ProjectStatus.COMPLETED, ProjectStatus.STOPPED),
            ProjectStatus.COMPLETED, Set.of(ProjectStatus.DELIVERED),
            ProjectStatus.DELIVERED, Set.of(ProjectStatus.CLOSED),
            ProjectStatus.CLOSED, Set.of());

    private ProjectLifeCycle() {
    }

    /** The statuses a project in {@code from} may move to, in life-cycle order. */
    public static List<ProjectStatus> next(ProjectStatus from) {
        return NEXT.get(from).stream().sorted().toList();
    }

    /**
     * Refuses a change that skips a step, goes back, leaves 销号, is dated in the future or before the last change.
     * {@code lastEffectiveOn} is the date of the project's latest change.
     */
    public static void checkChange(ProjectStatus from, ProjectStatus to, LocalDate effectiveOn,
                                   LocalDate lastEffectiveOn, LocalDate today) {
        if (from == ProjectStatus.CLOSED) {
            throw Refusal.conflict("status.closedIsFinal");
        }
        if (!NEXT.get(from).contains(to)) {
            throw new Refusal(Refusal.Kind.RULE, next(from).isEmpty() ? "status.closedIsFinal" : "status.notNext", "status",
                    new Refusal.Label("status." + from.name()), new Refusal.Label("status." + to.name()),
                    Refusal.labels("status.", next(from)));
        }
        if (effectiveOn.isAfter(today)) {
            throw Refusal.ruleOnField("effectiveOn", "valueDate.future", today);
        }
        if (lastEffectiveOn != null && effectiveOn.isBefore(lastEffectiveOn)) {
            throw Refusal.ruleOnField("effectiveOn", "status.beforeLast", lastEffectiveOn);
        }
    }
}
