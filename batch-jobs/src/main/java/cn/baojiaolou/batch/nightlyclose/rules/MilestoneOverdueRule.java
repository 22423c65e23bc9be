package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * MILESTONE_OVERDUE 节点逾期: a milestone whose planned date has passed and that was not verified on or before D.
 * More than {@code milestoneWarningDays} (30) days late is a WARNING, more than {@code milestoneSeriousDays} (90)
 * SERIOUS; 30 days or fewer is nothing yet. Subject: the milestone. Reads the open milestones of the close's milestone
 * state (V21) plus what is past its checkpoint, not every milestone.
 */
@Component
public class MilestoneOverdueRule implements ReconciliationRule {

    public static final String CODE = RuleCode.MILESTONE_OVERDUE.name();

    private final RuleMapper mapper;
    private final RuleThresholds thresholds;

    public MilestoneOverdueRule(RuleMapper mapper, RuleThresholds thresholds) {
        this.mapper = mapper;
        this.thresholds = thresholds;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        LocalDate plannedBefore = businessDate.minusDays(thresholds.milestoneWarningDays());
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.LateMilestoneRow r : mapper.lateMilestones(businessDate, plannedBefore,
                RuleSupport.marks(mapper, businessDate))) {
            long late = ChronoUnit.DAYS.between(r.plannedDate(), businessDate);
            if (late <= thresholds.milestoneWarningDays()) {
                continue;
            }
            Severity severity = late > thresholds.milestoneSeriousDays() ? Severity.SERIOUS : Severity.WARNING;
            String detail = "工程节点“" + r.name() + "”计划 " + r.plannedDate() + " 完成，逾期 " + late + " 天未验收";
            findings.add(new Finding(CODE, severity, "milestone:" + r.milestoneId(), r.projectId(), r.districtId(),
                    r.facilityId(), null, RuleSupport.detail(detail), Refs.milestones(List.of(r.milestoneId()))));
        }
        return findings;
    }
}
