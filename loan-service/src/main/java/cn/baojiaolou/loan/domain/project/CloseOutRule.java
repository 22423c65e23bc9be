package cn.baojiaolou.loan.domain.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.baojiaolou.loan.domain.Refusal;

/**
 * 销号: a project is closed out only when every home is delivered, every yuan allocated to it is paid and released
 * (no allocation left unpaid, no milestone left unverified, no request still open) and no SERIOUS exception is open.
 * The refusal lists every blocker at once, so the bureau sees the whole to-do list, not one item per attempt.
 */
public final class CloseOutRule {

    /** What the rule reads about a project, as of the moment of the request. */
    public record Facts(int totalUnits, int deliveredUnits, BigDecimal allocated, BigDecimal paidNet,
                        int unverifiedMilestones, int openRequests, int openSeriousExceptions) {
    }

    private CloseOutRule() {
    }

    /** Each blocker as a refusal on a field of its own; empty when the project may be closed out. */
    public static List<Refusal> blockers(Facts f) {
        List<Refusal> out = new ArrayList<>();
        if (f.deliveredUnits() < f.totalUnits()) {
            out.add(Refusal.ruleOnField("deliveredUnits", "closeOut.homesUndelivered",
                    f.totalUnits() - f.deliveredUnits(), f.totalUnits()));
        }
        BigDecimal unpaid = f.allocated().subtract(f.paidNet());
        if (unpaid.signum() > 0) {
            out.add(Refusal.ruleOnField("allocated", "closeOut.allocationUnpaid", unpaid, f.allocated()));
        }
        if (f.unverifiedMilestones() > 0) {
            out.add(Refusal.ruleOnField("milestones", "closeOut.milestonesUnreleased", f.unverifiedMilestones()));
        }
        if (f.openRequests() > 0) {
            out.add(Refusal.ruleOnField("disbursements", "closeOut.requestsOpen", f.openRequests()));
        }
        if (f.openSeriousExceptions() > 0) {
            out.add(Refusal.ruleOnField("exceptions", "closeOut.seriousExceptionsOpen", f.openSeriousExceptions()));
        }
        return out;
    }

    /** Refuses 销号 with every blocker listed, or returns quietly. */
    public static void check(Facts f) {
        List<Refusal> blockers = blockers(f);
        if (!blockers.isEmpty()) {
            throw Refusal.blocked("closeOut.blocked", blockers);
        }
    }
}
