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
 * REPAYMENT_OVERDUE 还款逾期: from the interest accrual of D (project positions, project_id ≠ 0): settled interest or
 * penalty still unpaid after its due date — interest_due + penalty_due less what was settled on D itself (due
 * today, not yet overdue) — or principal still outstanding after the facility's maturity date. One finding per
 * project, its amount the overdue interest, penalty and principal over all its positions.
 */
@Component
public class RepaymentOverdueRule implements ReconciliationRule {

    public static final String CODE = RuleCode.REPAYMENT_OVERDUE.name();

    private final RuleMapper mapper;

    public RepaymentOverdueRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, List<RuleMapper.OverdueRow>> e :
                RuleSupport.group(mapper.overdueRepayments(businessDate), RuleMapper.OverdueRow::projectId)
                        .entrySet()) {
            List<RuleMapper.OverdueRow> rows = e.getValue();
            BigDecimal interest = BigDecimal.ZERO;
            BigDecimal principal = BigDecimal.ZERO;
            LocalDate maturity = null;
            for (RuleMapper.OverdueRow r : rows) {
                interest = interest.add(r.overdueInterest().max(BigDecimal.ZERO));
                if (r.overduePrincipal().signum() > 0) {
                    principal = principal.add(r.overduePrincipal());
                    maturity = maturity == null || r.maturityDate().isBefore(maturity) ? r.maturityDate() : maturity;
                }
            }
            BigDecimal total = interest.add(principal);
            if (total.signum() <= 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (interest.signum() > 0) {
                parts.add("已结利息及罚息逾期未还 " + RuleSupport.yuan(interest) + " 元");
            }
            if (principal.signum() > 0) {
                parts.add("借款到期日 " + maturity + " 后本金未还 " + RuleSupport.yuan(principal) + " 元");
            }
            findings.add(new Finding(CODE, Severity.SERIOUS, RuleSupport.projectKey(e.getKey()), e.getKey(),
                    rows.get(0).districtId(), RuleSupport.single(rows, RuleMapper.OverdueRow::facilityId),
                    RuleSupport.fen(total), RuleSupport.detail(String.join("；", parts)), Refs.NONE));
        }
        return findings;
    }
}
