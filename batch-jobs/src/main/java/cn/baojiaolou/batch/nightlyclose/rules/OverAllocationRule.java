package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OVER_ALLOCATION 超额度拨付: Σ paid as of D on one project's position with one facility is above what that facility
 * allocated to the project (approved on or before D). An invariant the write path keeps, so a finding means data
 * arrived by another route. Subject: the position; refs: the disbursements paid while over the allocation.
 */
@Component
public class OverAllocationRule implements ReconciliationRule {

    public static final String CODE = RuleCode.OVER_ALLOCATION.name();

    private final RuleMapper mapper;

    public OverAllocationRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<RuleMapper.PositionRow> rows =
                mapper.overAllocation(businessDate, RuleSupport.marks(mapper, businessDate));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> projectIds = RuleSupport.ids(rows, RuleMapper.PositionRow::projectId);
        Map<Long, List<RuleMapper.PaymentRow>> payments =
                RuleSupport.group(mapper.paymentRows(projectIds, businessDate), RuleMapper.PaymentRow::projectId);
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.PositionRow r : rows) {
            BigDecimal excess = r.paid().subtract(r.allocated());
            List<RuleMapper.PaymentRow> position = payments.getOrDefault(r.projectId(), List.of()).stream()
                    .filter(p -> r.facilityId().equals(p.facilityId())).toList();
            String detail = "该借款批次累计拨付 " + RuleSupport.yuan(r.paid()) + " 元，超过核定额度 "
                    + RuleSupport.yuan(r.allocated()) + " 元，超出 " + RuleSupport.yuan(excess) + " 元";
            findings.add(new Finding(CODE, Severity.SERIOUS,
                    "project:" + r.projectId() + "/facility:" + r.facilityId(), r.projectId(), r.districtId(),
                    r.facilityId(), RuleSupport.fen(excess), RuleSupport.detail(detail),
                    Refs.disbursements(RuleSupport.paidWhileOver(position, r.allocated()))));
        }
        return findings;
    }
}
