package cn.baojiaolou.batch.nightlyclose.rules;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;

/**
 * The reads of MILESTONE_OVERDUE, OVER_PROGRESS and IDLE_FUNDS as they were before the milestone state (V21): every
 * milestone ⟕ verification, every night (MilestoneRulesReference.xml, kept verbatim). Tests only: the reference the
 * incremental reads must equal for every date.
 */
@Mapper
public interface MilestoneRulesReference {

    List<RuleMapper.LateMilestoneRow> lateMilestones(@Param("businessDate") LocalDate businessDate,
                                                     @Param("plannedBefore") LocalDate plannedBefore);

    /** The old statement; Σ paid still from the running totals (V5, not under test here). */
    List<RuleMapper.ProgressRow> overProgress(@Param("businessDate") LocalDate businessDate,
                                              @Param("m") RuleMapper.Marks marks);

    List<RuleMapper.IdleGap> idleGaps(@Param("paidOnOrBefore") LocalDate paidOnOrBefore,
                                      @Param("idleDays") int idleDays);

    /**
     * A RuleMapper whose three milestone reads are the old ones and every other read the real one, so the rules'
     * own classes (severity, details, refs) turn the reference rows into findings.
     */
    static RuleMapper asRuleMapper(RuleMapper real, MilestoneRulesReference reference) {
        return (RuleMapper) Proxy.newProxyInstance(RuleMapper.class.getClassLoader(), new Class<?>[]{RuleMapper.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lateMilestones":
                            return reference.lateMilestones((LocalDate) args[0], (LocalDate) args[1]);
                        case "overProgress":
                            return reference.overProgress((LocalDate) args[0], (RuleMapper.Marks) args[1]);
                        case "idleGaps":
                            return reference.idleGaps((LocalDate) args[0], (Integer) args[1]);
                        case "gapsCutWithOtherDays":
                            return false;
                        default:
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
