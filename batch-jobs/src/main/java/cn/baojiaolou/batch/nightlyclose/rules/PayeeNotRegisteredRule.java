package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * PAYEE_NOT_REGISTERED 收款人异常: a disbursement paid as of D (paid on or before D, not reversed by then) whose payee
 * is not registered for the disbursement's project, is of kind DEVELOPER, or has the project developer's own
 * account number. Subject: the disbursement.
 */
@Component
public class PayeeNotRegisteredRule implements ReconciliationRule {

    public static final String CODE = RuleCode.PAYEE_NOT_REGISTERED.name();

    private final RuleMapper mapper;

    public PayeeNotRegisteredRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.PayeeRow r : mapper.suspectPayees(businessDate,
                RuleSupport.marks(mapper, businessDate))) {
            List<String> reasons = new ArrayList<>();
            if (!r.payeeProjectId().equals(r.projectId())) {
                reasons.add("未登记为本项目收款人");
            }
            if ("DEVELOPER".equals(r.payeeKind())) {
                reasons.add("收款人为开发商");
            }
            if (r.developerAccountNo() != null && !r.developerAccountNo().isBlank()
                    && RuleSupport.same(r.payeeAccountNo(), r.developerAccountNo())) {
                reasons.add("收款账户为开发商自有账户");
            }
            String detail = r.paidOn() + " 拨付 " + RuleSupport.yuan(r.amount()) + " 元至 " + r.payeeName() + "（账号 "
                    + r.payeeAccountNo() + "）：" + String.join("；", reasons);
            findings.add(new Finding(CODE, Severity.SERIOUS, "disbursement:" + r.disbursementId(), r.projectId(),
                    r.districtId(), r.facilityId(), RuleSupport.fen(r.amount()), RuleSupport.detail(detail),
                    Refs.disbursements(List.of(r.disbursementId()))));
        }
        return findings;
    }
}
