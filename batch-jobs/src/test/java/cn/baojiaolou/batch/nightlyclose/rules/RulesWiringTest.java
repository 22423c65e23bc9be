package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.batch.support.BatchDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class RulesWiringTest {

    @Autowired
    List<ReconciliationRule> rules;
    @Autowired
    RuleThresholds thresholds;

    @Test
    void theThirteenRulesOfTheDomainAreBeansWithTheDefaultThresholds() {
        assertThat(rules).extracting(ReconciliationRule::code).containsExactlyInAnyOrder(
                "OVER_PROGRESS", "OVER_ALLOCATION", "PAYEE_NOT_REGISTERED", "PROHIBITED_PURPOSE",
                "MILESTONE_OVERDUE", "IDLE_FUNDS", "LEDGER_WITHOUT_BANK", "BANK_WITHOUT_LEDGER", "AMOUNT_MISMATCH",
                "BALANCE_MISMATCH", "REPAYMENT_OVERDUE", "DELIVERY_OVERDUE", "COURT_DEDUCTION");
        // one rule class per code of the domain's list, which the exception page offers
        assertThat(rules).extracting(ReconciliationRule::code).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(cn.baojiaolou.loan.domain.reconciliation.RuleCode.values()).map(Enum::name)
                        .toList());
        assertThat(rules).allSatisfy(r -> assertThat(r.getClass().getSimpleName())
                .isEqualTo(toCamel(r.code()) + "Rule"));
        assertThat(thresholds).isEqualTo(RuleThresholds.DEFAULTS);
    }

    private static String toCamel(String code) {
        StringBuilder s = new StringBuilder();
        for (String part : code.split("_")) {
            s.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return s.toString();
    }
}
