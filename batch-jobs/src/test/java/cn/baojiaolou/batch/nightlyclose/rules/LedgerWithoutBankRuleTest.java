package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.nightlyclose.matching.StatementMatching;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.loan.support.Fixtures.code;
import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class LedgerWithoutBankRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    LedgerWithoutBankRule rule;
    @Autowired
    StatementMatching matching;

    @Test
    void aPaymentWithNoBankLineIsReportedThreeDaysAfterItsValueDateAMatchedOneNever() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        LocalDate paidOn = LocalDate.of(2023, 3, 1);
        Disbursement unmatched = fx.paid(r.project(), r.payee(), r.restart(), yuan("10000.00"), paidOn);
        String voucher = code("V");
        Disbursement matched = fx.paid(r.project(), r.payee(), r.restart(), yuan("20000.00"), paidOn, voucher);
        long stmt = fx.statementImport(r.facility().id());
        fx.bankLine(r.facility().id(), stmt, paidOn, "DEBIT", "20000.00", r.payee().accountNo(), voucher,
                "9980000.00");
        matching.match(LocalDate.of(2023, 3, 2));
        LedgerEntry entry = fx.paymentOf(unmatched);

        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 3)), r.project().id())).isEmpty();
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 4)), r.project().id())).singleElement()
                .satisfies(f -> {
                    assertThat(f.subjectKey()).isEqualTo("ledger-entry:" + entry.id());
                    assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
                    assertThat(f.amount()).isEqualByComparingTo("10000.00");
                    assertThat(f.facilityId()).isEqualTo(r.facility().id());
                    assertThat(f.districtId()).isEqualTo(r.district().id());
                    assertThat(f.refs().ledgerEntryIds()).containsExactly(entry.id());
                    assertThat(f.refs().disbursementIds()).containsExactly(unmatched.id());
                });
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 12, 31)), r.project().id()))
                .extracting(Finding::subjectKey).doesNotContain("ledger-entry:" + fx.paymentOf(matched).id());
    }
}
