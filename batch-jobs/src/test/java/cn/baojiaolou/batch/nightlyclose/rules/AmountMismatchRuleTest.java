package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.nightlyclose.matching.StatementMatching;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.batch.support.BatchFixtures.Match;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.loan.support.Fixtures.code;
import static cn.baojiaolou.batch.support.BatchFixtures.ofFacility;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class AmountMismatchRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    AmountMismatchRule rule;
    @Autowired
    StatementMatching matching;

    @Test
    void aSharedVoucherWithAnotherAmountIsReportedAndNotMatchedTheSameAmountIsMatched() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        String account = r.payee().accountNo();
        String v = code("V");
        String w = code("W");
        String x = code("X");
        Disbursement recorded = fx.paid(r.project(), r.payee(), r.restart(), yuan("30000.00"),
                LocalDate.of(2023, 3, 1), v);
        // same payee, the bank's amount, another voucher, a day later: a fuzzy match would hide the mismatch
        Disbursement bait = fx.paid(r.project(), r.payee(), r.restart(), yuan("30000.50"), LocalDate.of(2023, 3, 2),
                w);
        Disbursement fine = fx.paid(r.project(), r.payee(), r.restart(), yuan("40000.00"), LocalDate.of(2023, 3, 3),
                x);
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        long mismatched = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "30000.50", account, v,
                "9969999.50");
        long matched = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 3), "DEBIT", "40000.00", account, x,
                "9929999.50");

        matching.match(LocalDate.of(2023, 3, 5));

        assertThat(fx.matchesOf(facility)).extracting(Match::bankLineId).containsExactly(matched);
        assertThat(fx.matchesOf(facility)).extracting(Match::ledgerEntryId)
                .doesNotContain(fx.paymentOf(bait).id(), fx.paymentOf(recorded).id());
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 3, 5)), facility)).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("AMOUNT_MISMATCH");
            assertThat(f.subjectKey()).isEqualTo("bank-line:" + mismatched);
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.amount()).isEqualByComparingTo("0.50");
            assertThat(f.projectId()).isEqualTo(r.project().id());
            assertThat(f.districtId()).isEqualTo(r.district().id());
            assertThat(f.refs().bankLineIds()).containsExactly(mismatched);
            assertThat(f.refs().ledgerEntryIds()).containsExactly(fx.paymentOf(recorded).id());
            assertThat(f.refs().disbursementIds()).containsExactly(recorded.id());
            assertThat(f.detail()).contains(v).contains("30,000.50").contains("30,000.00");
        });
        assertThat(fine.id()).isPositive();
        // as of a day before both dates there is nothing to compare
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 2, 28)), facility)).isEmpty();
    }
}
