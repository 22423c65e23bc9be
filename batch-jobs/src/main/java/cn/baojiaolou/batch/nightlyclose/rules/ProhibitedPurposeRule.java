package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import cn.baojiaolou.loan.domain.disbursement.DisbursementPurpose;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PROHIBITED_PURPOSE 新老划断违规: a disbursement for a purpose the special loan may never pay (偿还旧债, 税费, 其他贷款 —
 * the purposes {@link DisbursementPurpose} marks as not allowed). The API refuses them; data arriving by another
 * route is caught here. Every such disbursement counts unless it was rejected or reversed by D. Subject: the
 * disbursement.
 */
@Component
public class ProhibitedPurposeRule implements ReconciliationRule {

    public static final String CODE = RuleCode.PROHIBITED_PURPOSE.name();

    public static final List<String> PROHIBITED = Arrays.stream(DisbursementPurpose.values())
            .filter(p -> !p.allowed()).map(Enum::name).toList();

    private final RuleMapper mapper;

    public ProhibitedPurposeRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.PurposeRow r : mapper.prohibitedPurposes(businessDate, PROHIBITED,
                RuleSupport.marks(mapper, businessDate))) {
            boolean paid = r.paidOn() != null && !r.paidOn().isAfter(businessDate);
            String detail = "拨付用途为“" + r.purpose() + "”（新老划断禁止），金额 " + RuleSupport.yuan(r.amount())
                    + " 元，" + (paid ? r.paidOn() + " 已付款" : "状态 " + r.status());
            findings.add(new Finding(CODE, Severity.SERIOUS, "disbursement:" + r.disbursementId(), r.projectId(),
                    r.districtId(), r.facilityId(), RuleSupport.fen(r.amount()), RuleSupport.detail(detail),
                    Refs.disbursements(List.of(r.disbursementId()))));
        }
        return findings;
    }
}
