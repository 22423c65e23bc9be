package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * BALANCE_MISMATCH 余额不符: for a facility with statement lines up to D, the book balance of its 专户 as of D
 * (Σ account_effect of the ledger rows with value date on or before D) differs from the balance after the
 * statement's last line on or before D (last by value date, then id). Subject: the facility; amount: the absolute
 * difference.
 */
@Component
public class BalanceMismatchRule implements ReconciliationRule {

    public static final String CODE = RuleCode.BALANCE_MISMATCH.name();

    private final RuleMapper mapper;

    public BalanceMismatchRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.BalanceRow r : mapper.balanceMismatches(businessDate,
                RuleSupport.marks(mapper, businessDate))) {
            BigDecimal difference = r.bookBalance().subtract(r.bankBalance());
            if (difference.signum() == 0) {
                continue;
            }
            String detail = "截至 " + businessDate + " 专户账面余额 " + RuleSupport.yuan(r.bookBalance())
                    + " 元，银行对账单余额 " + RuleSupport.yuan(r.bankBalance()) + " 元（" + r.lineValueDate()
                    + "），账面" + (difference.signum() > 0 ? "多" : "少") + " " + RuleSupport.yuan(difference.abs())
                    + " 元";
            findings.add(new Finding(CODE, Severity.SERIOUS, "facility:" + r.facilityId(), null, null,
                    r.facilityId(), RuleSupport.fen(difference.abs()), RuleSupport.detail(detail),
                    Refs.bankLines(List.of(r.bankLineId()))));
        }
        return findings;
    }
}
