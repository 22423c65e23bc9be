package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;
import cn.baojiaolou.loan.reconciliation.Refs;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * COURT_DEDUCTION 司法扣划未追回 (issue 12): a court deducted money from a 专户 (a deduction in the register, made on or
 * before D) and by the end of D it is neither recovered in full nor written off. SERIOUS: the money is gone from the
 * closed loop, and 法〔2022〕12号 allows a deduction only for the project's own construction and material claims. The
 * amount is what is still missing. Subject: the deduction.
 */
@Component
public class CourtDeductionRule implements ReconciliationRule {

    public static final String CODE = RuleCode.COURT_DEDUCTION.name();

    private final RuleMapper mapper;

    public CourtDeductionRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.CourtDeductionRow r : mapper.openCourtDeductions(businessDate)) {
            StringBuilder detail = new StringBuilder().append(r.deductedOn()).append(' ')
                    .append(r.court() == null ? "法院" : r.court()).append(" 扣划专户（").append(r.facilityCode())
                    .append("）").append(RuleSupport.yuan(r.amount())).append(" 元");
            if (r.caseNo() != null) {
                detail.append("，案号 ").append(r.caseNo());
            }
            if (r.recovered().signum() > 0) {
                detail.append("，已追回 ").append(RuleSupport.yuan(r.recovered())).append(" 元");
            }
            detail.append("，尚有 ").append(RuleSupport.yuan(r.amount().subtract(r.recovered())))
                    .append(" 元未追回、未核销");
            findings.add(new Finding(CODE, Severity.SERIOUS, "court-deduction:" + r.deductionId(), null, null,
                    r.facilityId(), RuleSupport.fen(r.amount().subtract(r.recovered())),
                    RuleSupport.detail(detail.toString()),
                    r.bankLineId() == null ? Refs.NONE : Refs.bankLines(List.of(r.bankLineId()))));
        }
        return findings;
    }
}
