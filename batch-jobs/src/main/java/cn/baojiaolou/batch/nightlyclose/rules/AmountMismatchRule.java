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
 * AMOUNT_MISMATCH 金额不符: a bank line and a ledger row of the same facility carry the same voucher number (and move
 * money the same way) but not the same amount, and neither was matched by the close of D (statement matching never
 * pairs them, by voucher or fuzzily). Subject: the bank line; amount: the difference to the nearest such row.
 */
@Component
public class AmountMismatchRule implements ReconciliationRule {

    public static final String CODE = RuleCode.AMOUNT_MISMATCH.name();

    private final RuleMapper mapper;

    public AmountMismatchRule(RuleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        List<Finding> findings = new ArrayList<>();
        List<RuleMapper.MismatchRow> mismatches =
                mapper.amountMismatches(businessDate, RuleSupport.marks(mapper, businessDate));
        for (Map.Entry<Long, List<RuleMapper.MismatchRow>> e :
                RuleSupport.group(mismatches, RuleMapper.MismatchRow::bankLineId).entrySet()) {
            List<RuleMapper.MismatchRow> rows = e.getValue();
            RuleMapper.MismatchRow nearest = rows.get(0);
            BigDecimal difference = nearest.bankAmount().subtract(nearest.ledgerAmount()).abs();
            String detail = "凭证号 " + nearest.voucherNo() + "：银行流水 " + RuleSupport.yuan(nearest.bankAmount())
                    + " 元，台账 " + RuleSupport.yuan(nearest.ledgerAmount()) + " 元，相差 "
                    + RuleSupport.yuan(difference) + " 元";
            findings.add(new Finding(CODE, Severity.SERIOUS, "bank-line:" + e.getKey(),
                    RuleSupport.single(rows, RuleMapper.MismatchRow::projectId),
                    RuleSupport.single(rows, RuleMapper.MismatchRow::districtId), nearest.facilityId(),
                    RuleSupport.fen(difference), RuleSupport.detail(detail),
                    new Refs(RuleSupport.ids(rows, RuleMapper.MismatchRow::disbursementId), List.of(e.getKey()),
                            List.of(), RuleSupport.ids(rows, RuleMapper.MismatchRow::ledgerEntryId))));
        }
        return findings;
    }
}
