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
 * OVER_PROGRESS 超进度拨付: a project's Σ paid as of D (payments less reversals) is above its allocation × the
 * cumulative cap of the last milestone verified on or before D, rounded half-up to the fen. The write-time check
 * counts a verification whatever its date; this rule counts it only from its verified_on, so a verification entered
 * ahead of time with a later date shows up here. Refs: the disbursements paid while over the cap and the verified
 * milestones. Σ paid comes from the running totals (V5), the verified cap from the milestone state (V21).
 */
@Component
public class OverProgressRule implements ReconciliationRule {

    public static final String CODE = RuleCode.OVER_PROGRESS.name();

    private final RuleMapper mapper;

    public OverProgressRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<RuleMapper.ProgressRow> rows =
                mapper.overProgress(businessDate, RuleSupport.marks(mapper, businessDate));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> projectIds = rows.stream().map(RuleMapper.ProgressRow::projectId).toList();
        Map<Long, List<RuleMapper.PaymentRow>> payments =
                RuleSupport.group(mapper.paymentRows(projectIds, businessDate), RuleMapper.PaymentRow::projectId);
        Map<Long, List<RuleMapper.MilestoneRef>> milestones =
                RuleSupport.group(mapper.verifiedMilestones(projectIds, businessDate),
                        RuleMapper.MilestoneRef::projectId);
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.ProgressRow r : rows) {
            BigDecimal cap = RuleSupport.unlocked(r.allocated(), r.capPercent());
            BigDecimal excess = r.paid().subtract(cap);
            if (excess.signum() <= 0) {
                continue;
            }
            List<Long> disbursementIds = RuleSupport.paidWhileOver(payments.getOrDefault(r.projectId(), List.of()),
                    cap);
            List<Long> milestoneIds = RuleSupport.ids(milestones.getOrDefault(r.projectId(), List.of()),
                    RuleMapper.MilestoneRef::milestoneId);
            String detail = "累计拨付 " + RuleSupport.yuan(r.paid()) + " 元，超过已验收节点解锁额度 "
                    + RuleSupport.yuan(cap) + " 元（核定额度 " + RuleSupport.yuan(r.allocated()) + " 元 × "
                    + r.capPercent().stripTrailingZeros().toPlainString() + "%），超出 "
                    + RuleSupport.yuan(excess) + " 元";
            findings.add(new Finding(CODE, Severity.SERIOUS, RuleSupport.projectKey(r.projectId()), r.projectId(),
                    r.districtId(), r.facilityId(), RuleSupport.fen(excess), RuleSupport.detail(detail),
                    new Refs(disbursementIds, List.of(), milestoneIds, List.of())));
        }
        return findings;
    }
}
