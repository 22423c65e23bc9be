package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * LEDGER_WITHOUT_BANK 有账无流水: a recorded payment (PAYMENT ledger row) with value date on or before
 * D − {@code matchWindowDays} (3) that no bank line was matched to by the close of D. Subject: the ledger row.
 */
@Component
public class LedgerWithoutBankRule implements ReconciliationRule {

    public static final String CODE = RuleCode.LEDGER_WITHOUT_BANK.name();

    private final RuleMapper mapper;
    private final RuleThresholds thresholds;

    public LedgerWithoutBankRule(RuleMapper mapper, RuleThresholds thresholds) {
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
        for (RuleMapper.UnmatchedEntryRow r : mapper.unmatchedPayments(businessDate, cutoff,
                RuleSupport.marks(mapper, businessDate))) {
            String detail = r.valueDate() + " 拨付 " + RuleSupport.yuan(r.amount()) + " 元（凭证号 "
                    + (r.voucherNo() == null ? "无" : r.voucherNo()) + "），" + thresholds.matchWindowDays()
                    + " 天内专户对账单无对应流水";
            List<Long> disbursements = r.disbursementId() == null ? List.of() : List.of(r.disbursementId());
            findings.add(new Finding(CODE, Severity.SERIOUS, "ledger-entry:" + r.ledgerEntryId(), r.projectId(),
                    r.districtId(), r.facilityId(), RuleSupport.fen(r.amount()), RuleSupport.detail(detail),
                    new Refs(disbursements, List.of(), List.of(), List.of(r.ledgerEntryId()))));
        }
        return findings;
    }
}
