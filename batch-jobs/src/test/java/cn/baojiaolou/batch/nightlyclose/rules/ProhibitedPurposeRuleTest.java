package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class ProhibitedPurposeRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    ProhibitedPurposeRule rule;

    @Test
    void oldDebtTaxesAndOtherLoansAreReportedUnlessRejectedOrReversedAllowedPurposesAreNot() {
        Ready r = fx.ready(yuan("1000000.00"));
        long paidTax = insert(r, "税费", "10000.00", "PAID", LocalDate.of(2023, 3, 1));
        long requestedOldDebt = insert(r, "偿还旧债", "20000.00", "REQUESTED", null);
        long rejectedLoan = insert(r, "其他贷款", "30000.00", "REJECTED", null);
        long works = insert(r, "工程款", "40000.00", "PAID", LocalDate.of(2023, 3, 1));
        long reversedLoan = insert(r, "其他贷款", "50000.00", "PAID", LocalDate.of(2023, 3, 1));
        fx.jdbc().update("UPDATE disbursement SET status = 'REVERSED', reversed_on = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.of(2023, 3, 5)), reversedLoan);

        List<Finding> findings = ofProject(rule.evaluate(LocalDate.of(2023, 3, 31)), r.project().id());

        assertThat(findings).extracting(Finding::subjectKey)
                .containsExactly("disbursement:" + paidTax, "disbursement:" + requestedOldDebt);
        assertThat(findings.get(0)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.amount()).isEqualByComparingTo("10000.00");
            assertThat(f.detail()).contains("税费").contains("新老划断");
            assertThat(f.facilityId()).isEqualTo(r.facility().id());
            assertThat(f.districtId()).isEqualTo(r.district().id());
            assertThat(f.refs().disbursementIds()).containsExactly(paidTax);
        });
        assertThat(findings).extracting(Finding::subjectKey)
                .doesNotContain("disbursement:" + rejectedLoan, "disbursement:" + works);
        // before its reversal the other-loan payment stood
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 4)), r.project().id()))
                .extracting(Finding::subjectKey).contains("disbursement:" + reversedLoan);
    }

    private long insert(Ready r, String purpose, String amount, String status, LocalDate paidOn) {
        return fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(), r.restart().id(), purpose,
                yuan(amount), status, paidOn);
    }
}
