package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.batch.support.BatchFixtures.withSubject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class PayeeNotRegisteredRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    PayeeNotRegisteredRule rule;

    @Test
    void paymentsToTheDeveloperItsAccountOrAnotherProjectsPayeeAreReportedARegisteredContractorIsNot() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        Payee developer = fx.payee(r.project(), PayeeKind.DEVELOPER);
        Payee developersAccount = fx.payee(r.project(), PayeeKind.CONTRACTOR, r.project().developerAccountNo());
        Disbursement fine = fx.paid(r.project(), r.payee(), r.restart(), yuan("10000.00"), LocalDate.of(2023, 3, 1));
        Disbursement toDeveloper = fx.paid(r.project(), developer, r.restart(), yuan("20000.00"),
                LocalDate.of(2023, 3, 2));
        Disbursement toDevelopersAccount = fx.paid(r.project(), developersAccount, r.restart(), yuan("30000.00"),
                LocalDate.of(2023, 3, 3));
        Disbursement reversed = fx.paid(r.project(), developer, r.restart(), yuan("5000.00"),
                LocalDate.of(2023, 3, 5));
        fx.reverse(reversed, LocalDate.of(2023, 3, 10));
        fx.approved(r.project(), developer, r.restart(), yuan("6000.00")); // approved, never paid
        Ready other = fx.ready(yuan("1000000.00"));
        long toOthersPayee = fx.insertDisbursement(r.project().id(), r.facility().id(), other.payee().id(),
                r.restart().id(), "工程款", yuan("40000.00"), "PAID", LocalDate.of(2023, 3, 4));

        List<Finding> findings = ofProject(rule.evaluate(LocalDate.of(2023, 3, 31)), r.project().id());

        assertThat(findings).extracting(Finding::subjectKey).containsExactly(
                "disbursement:" + toDeveloper.id(), "disbursement:" + toDevelopersAccount.id(),
                "disbursement:" + toOthersPayee);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.facilityId()).isEqualTo(r.facility().id());
            assertThat(f.districtId()).isEqualTo(r.district().id());
        });
        assertThat(withSubject(findings, "disbursement:" + toDeveloper.id())).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualByComparingTo("20000.00");
            assertThat(f.detail()).contains("收款人为开发商");
            assertThat(f.refs().disbursementIds()).containsExactly(toDeveloper.id());
        });
        assertThat(withSubject(findings, "disbursement:" + toDevelopersAccount.id()).get(0).detail())
                .contains("开发商自有账户");
        assertThat(withSubject(findings, "disbursement:" + toOthersPayee).get(0).detail()).contains("未登记");
        assertThat(findings).extracting(Finding::subjectKey).doesNotContain("disbursement:" + fine.id());

        // paid but reversed by D: reported only while it stood
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 6)), r.project().id()))
                .extracting(Finding::subjectKey).contains("disbursement:" + reversed.id());
        // before the payments
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 1)), r.project().id())).isEmpty();
    }
}
