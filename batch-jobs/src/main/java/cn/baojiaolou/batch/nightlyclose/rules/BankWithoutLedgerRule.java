package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * BANK_WITHOUT_LEDGER 有流水无账: money left the 专户 (a DEBIT line with value date on or before
 * D − {@code matchWindowDays} (3), the same window as LEDGER_WITHOUT_BANK) and no recorded movement was matched to
 * it by the close of D — misappropriation, a court deduction. Subject: the bank line.
 */
@Component
public class BankWithoutLedgerRule implements ReconciliationRule {

    public static final String CODE = RuleCode.BANK_WITHOUT_LEDGER.name();

    private final RuleMapper mapper;
    private final RuleThresholds thresholds;

    public BankWithoutLedgerRule(RuleMapper mapper, RuleThresholds thresholds) {
        this.mapper = mapper;
        this.thresholds = thresholds;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        LocalDate cutoff = businessDate.minusDays(thresholds.matchWindowDays());
        List<Finding> findings = new ArrayList<>();
        for (RuleMapper.UnmatchedLineRow r : mapper.unmatchedDebits(businessDate, cutoff,
                RuleSupport.marks(mapper, businessDate))) {
            StringBuilder detail = new StringBuilder().append(r.valueDate()).append(" 专户支出 ")
                    .append(RuleSupport.yuan(r.amount())).append(" 元");
            if (r.counterpartyName() != null || r.counterpartyAccount() != null) {
                detail.append("，对方 ").append(r.counterpartyName() == null ? "" : r.counterpartyName());
                if (r.counterpartyAccount() != null) {
                    detail.append("（").append(r.counterpartyAccount()).append("）");
                }
            }
            if (r.memo() != null && !r.memo().isBlank()) {
                detail.append("，摘要 ").append(r.memo());
            }
            detail.append("，台账无对应记录");
            findings.add(new Finding(CODE, Severity.SERIOUS, "bank-line:" + r.bankLineId(), null, null,
                    r.facilityId(), RuleSupport.fen(r.amount()), RuleSupport.detail(detail.toString()),
                    Refs.bankLines(List.of(r.bankLineId()))));
        }
        return findings;
    }
}
