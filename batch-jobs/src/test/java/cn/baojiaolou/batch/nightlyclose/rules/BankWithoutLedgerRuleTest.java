package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.nightlyclose.matching.StatementMatching;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.loan.support.Fixtures.code;
import static cn.baojiaolou.batch.support.BatchFixtures.ofFacility;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class BankWithoutLedgerRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    BankWithoutLedgerRule rule;
    @Autowired
    StatementMatching matching;

    @Test
    void aDebitWithNoRecordIsReportedOutsideTheThreeDayWindowNotInsideIt() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        LocalDate day = LocalDate.of(2023, 4, 2);
        String voucher = code("V");
        fx.paid(r.project(), r.payee(), r.restart(), yuan("20000.00"), day, voucher);
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        fx.bankLine(facility, stmt, day, "DEBIT", "20000.00", r.payee().accountNo(), voucher, "9980000.00");
        long court = fx.bankLine(facility, stmt, day, "DEBIT", "1300000.00", "永州市零陵区人民法院",
                "9011000000000001", null, "8680000.00", "司法扣划");
        // money in without a record is not this rule's business
        fx.bankLine(facility, stmt, day, "CREDIT", "5000.00", "不明来款", "6222", null, "8685000.00", null);
        matching.match(LocalDate.of(2023, 4, 3));

        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 4, 4)), facility)).isEmpty();
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 4, 5)), facility)).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("BANK_WITHOUT_LEDGER");
            assertThat(f.subjectKey()).isEqualTo("bank-line:" + court);
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.amount()).isEqualByComparingTo("1300000.00");
            assertThat(f.projectId()).isNull();
            assertThat(f.refs().bankLineIds()).containsExactly(court);
            assertThat(f.detail()).contains("人民法院").contains("司法扣划").contains("1,300,000.00");
        });
    }
}
