package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.reconciliation.RuleCode;

import cn.baojiaolou.loan.reconciliation.Refs;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * IDLE_FUNDS 资金闲置/疑似表演式复工: money was paid and no milestone of the project was verified within
 * {@code idleDays} (90) days after the payment (verified_on in (paid_on, paid_on + 90]; the verification a payment
 * was made against on the same day is not progress after it). A payment is judged once D ≥ paid_on + 90; one
 * reversed by D does not count, nor one made when every milestone of the project was already verified (after the
 * last one, 交付, no progress can follow). One finding per project, its amount the idle payments' sum, its refs their
 * disbursement ids. The judgement of a payment is final: a milestone verified later than 90 days after it does not
 * clear it (a reviewer resolves the exception). The gaps between verifications come from the close's milestone state
 * (V21) for the projects with no milestone or verification past its checkpoint.
 */
@Component
public class IdleFundsRule implements ReconciliationRule {

    public static final String CODE = RuleCode.IDLE_FUNDS.name();
    static final int GAPS_PER_READ = 500;

    private final RuleMapper mapper;
    private final RuleThresholds thresholds;

    public IdleFundsRule(RuleMapper mapper, RuleThresholds thresholds) {
        this.mapper = mapper;
        this.thresholds = thresholds;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Finding> evaluate(LocalDate businessDate) {
        int days = thresholds.idleDays();
        LocalDate paidOnOrBefore = businessDate.minusDays(days);
        // the stored gaps were cut with the configured idle days; with another threshold every gap is computed
        RuleMapper.MilestoneRange live = mapper.gapsCutWithOtherDays(days) ? RuleMapper.MilestoneRange.ALL
                : RuleSupport.marks(mapper, businessDate).pastMilestoneMarks();
        List<RuleMapper.IdleGap> gaps = mapper.idleGaps(paidOnOrBefore, days, live);
        List<RuleMapper.IdlePaymentRow> rows = new ArrayList<>();
        for (int from = 0; from < gaps.size(); from += GAPS_PER_READ) {
            rows.addAll(mapper.idlePayments(gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_READ)),
                    businessDate, paidOnOrBefore, days));
        }
        // a project's gaps may fall in two chunks
        rows.sort(Comparator.comparing(RuleMapper.IdlePaymentRow::projectId)
                .thenComparing(RuleMapper.IdlePaymentRow::paidOn)
                .thenComparing(RuleMapper.IdlePaymentRow::disbursementId));
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, List<RuleMapper.IdlePaymentRow>> e :
                RuleSupport.group(rows, RuleMapper.IdlePaymentRow::projectId).entrySet()) {
            List<RuleMapper.IdlePaymentRow> idle = e.getValue();
            RuleMapper.IdlePaymentRow first = idle.get(0);
            BigDecimal amount = idle.stream().map(RuleMapper.IdlePaymentRow::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String detail = idle.size() + " 笔拨付共 " + RuleSupport.yuan(amount) + " 元（最早 " + first.paidOn()
                    + "）付款后 " + days + " 天内无工程节点验收，资金闲置，疑似表演式复工";
            findings.add(new Finding(CODE, Severity.WARNING, RuleSupport.projectKey(e.getKey()), e.getKey(),
                    first.districtId(), RuleSupport.single(idle, RuleMapper.IdlePaymentRow::facilityId),
                    RuleSupport.fen(amount), RuleSupport.detail(detail),
                    Refs.disbursements(RuleSupport.ids(idle, RuleMapper.IdlePaymentRow::disbursementId))));
        }
        return findings;
    }
}
