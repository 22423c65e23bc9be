package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class OverAllocationRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    OverAllocationRule rule;

    @Test
    void paidAboveTheAllocationByDataFromAnotherRouteIsReportedPaidUpToItIsNot() {
        // 20,000 paid through the API, the rest written straight into the tables (a migration)
        Ready over = ready();
        long migrated = migrate(over, "80000.01");
        Ready exact = ready();
        migrate(exact, "80000.00");

        List<Finding> findings = rule.evaluate(LocalDate.of(2023, 3, 31));

        assertThat(ofProject(findings, over.project().id())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.subjectKey())
                    .isEqualTo("project:" + over.project().id() + "/facility:" + over.facility().id());
            assertThat(f.facilityId()).isEqualTo(over.facility().id());
            assertThat(f.districtId()).isEqualTo(over.district().id());
            assertThat(f.amount()).isEqualByComparingTo("0.01");
            assertThat(f.refs().disbursementIds()).containsExactly(migrated);
        });
        assertThat(ofProject(findings, exact.project().id())).isEmpty();
        // before the migrated payment's value date
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 4)), over.project().id())).isEmpty();
    }

    private Ready ready() {
        Ready r = fx.ready(yuan("100000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(r.project(), r.payee(), r.restart(), yuan("20000.00"), LocalDate.of(2023, 3, 1));
        return r;
    }

    private long migrate(Ready r, String amount) {
        BigDecimal a = yuan(amount);
        LocalDate on = LocalDate.of(2023, 3, 5);
        long id = fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(), r.restart().id(), "工程款",
                a, "PAID", on);
        fx.insertPaymentEntry(r.facility().id(), r.project().id(), id, a, on, Fixtures.code("MIG"));
        return id;
    }
}
