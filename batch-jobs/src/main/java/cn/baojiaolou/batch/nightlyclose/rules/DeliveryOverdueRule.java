package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DELIVERY_OVERDUE 交付逾期: the project's expected delivery date is before D, not all its homes are delivered, and
 * no 交付 milestone of it was verified on or before D. WARNING, SERIOUS when more than
 * {@code deliverySeriousDays} (90) days late. Subject: the project; refs: its unverified 交付 milestones.
 */
@Component
public class DeliveryOverdueRule implements ReconciliationRule {

    public static final String CODE = RuleCode.DELIVERY_OVERDUE.name();
    /** The milestone that records delivery (DOMAIN.md "Construction milestones"). */
    static final String DELIVERY_MILESTONE = "交付";

    private final RuleMapper mapper;
    private final RuleThresholds thresholds;

    public DeliveryOverdueRule(RuleMapper mapper, RuleThresholds thresholds) {
        this.mapper = mapper;
        this.thresholds = thresholds;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, List<RuleMapper.DeliveryRow>> e :
                RuleSupport.group(mapper.overdueDeliveries(businessDate, DELIVERY_MILESTONE),
                        RuleMapper.DeliveryRow::projectId).entrySet()) {
            RuleMapper.DeliveryRow r = e.getValue().get(0);
            long late = ChronoUnit.DAYS.between(r.expectedDeliveryDate(), businessDate);
            Severity severity = late > thresholds.deliverySeriousDays() ? Severity.SERIOUS : Severity.WARNING;
            String detail = "预计交付日 " + r.expectedDeliveryDate() + "，已逾期 " + late + " 天，已交付 "
                    + r.deliveredUnits() + "/" + r.totalUnits() + " 套，交付节点未验收";
            findings.add(new Finding(CODE, severity, RuleSupport.projectKey(e.getKey()), e.getKey(), r.districtId(),
                    r.facilityId(), null, RuleSupport.detail(detail),
                    Refs.milestones(RuleSupport.ids(e.getValue(), RuleMapper.DeliveryRow::milestoneId))));
        }
        return findings;
    }
}
