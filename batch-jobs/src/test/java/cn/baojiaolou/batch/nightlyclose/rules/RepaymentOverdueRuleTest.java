package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.project.Project;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the interest accrual of D; the rows are written here as the nightly accrual would leave them. */
@BatchDatabaseTest
class RepaymentOverdueRuleTest {

    private static final LocalDate SETTLED = LocalDate.of(2023, 6, 20);
    private static final LocalDate MATURITY = LocalDate.of(2024, 6, 30);

    @Autowired
    BatchFixtures fx;
    @Autowired
    RepaymentOverdueRule rule;

    @Test
    void interestSettledOnAnEarlierDayAndStillUnpaidIsOverdueInterestSettledTodayIsNot() {
        District d = fx.district();
        Facility f = fx.facility(yuan("10000000.00"), Fixtures.FACILITY_START, MATURITY);
        Project dueToday = fx.project(d, LocalDate.of(2024, 6, 30), 100);
        Project partlyOverdue = fx.project(d, LocalDate.of(2024, 6, 30), 100);
        Project overdue = fx.project(d, LocalDate.of(2024, 6, 30), 100);
        // 结息日: 1,000.00 settled today and unpaid is due, not overdue
        fx.accrual(SETTLED, f.id(), dueToday.id(), "500000.00", "1000.00", "0.00");
        fx.settlement(SETTLED, f.id(), dueToday.id(), "1000.00", "0.00");
        // 500.00 left from the previous 结息日 plus 1,000.00 settled today
        fx.accrual(SETTLED, f.id(), partlyOverdue.id(), "500000.00", "1500.00", "0.00");
        fx.settlement(SETTLED, f.id(), partlyOverdue.id(), "1000.00", "0.00");
        // the next day: all of it is overdue, and penalty has been settled on it too
        fx.accrual(SETTLED.plusDays(1), f.id(), overdue.id(), "500000.00", "1000.00", "20.00");
        fx.accrual(SETTLED.plusDays(1), f.id(), 0L, "500000.00", "999.00", "0.00"); // the facility itself

        assertThat(ofProject(rule.evaluate(SETTLED), dueToday.id())).isEmpty();
        assertThat(ofProject(rule.evaluate(SETTLED), partlyOverdue.id())).singleElement().satisfies(x -> {
            assertThat(x.ruleCode()).isEqualTo("REPAYMENT_OVERDUE");
            assertThat(x.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(x.subjectKey()).isEqualTo("project:" + partlyOverdue.id());
            assertThat(x.amount()).isEqualByComparingTo("500.00");
            assertThat(x.districtId()).isEqualTo(d.id());
            assertThat(x.facilityId()).isEqualTo(f.id());
        });
        assertThat(ofProject(rule.evaluate(SETTLED.plusDays(1)), overdue.id())).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualByComparingTo("1020.00"));
        assertThat(rule.evaluate(SETTLED.plusDays(1))).noneMatch(x -> x.projectId() == null)
                .noneMatch(x -> x.subjectKey().equals("project:0"));
    }

    @Test
    void principalOutstandingAfterMaturityIsOverdueOnMaturityDayItIsNot() {
        District d = fx.district();
        Facility f = fx.facility(yuan("10000000.00"), Fixtures.FACILITY_START, MATURITY);
        Project p = fx.project(d, LocalDate.of(2024, 6, 30), 100);
        fx.accrual(MATURITY, f.id(), p.id(), "500000.00", "0.00", "0.00");
        fx.accrual(MATURITY.plusDays(1), f.id(), p.id(), "500000.00", "0.00", "0.00");
        Project repaid = fx.project(d, LocalDate.of(2024, 6, 30), 100);
        fx.accrual(MATURITY.plusDays(1), f.id(), repaid.id(), "0.00", "0.00", "0.00");

        assertThat(ofProject(rule.evaluate(MATURITY), p.id())).isEmpty();
        assertThat(ofProject(rule.evaluate(MATURITY.plusDays(1)), p.id())).singleElement().satisfies(x -> {
            assertThat(x.amount()).isEqualByComparingTo("500000.00");
            assertThat(x.detail()).contains("2024-06-30").contains("本金");
        });
        assertThat(ofProject(rule.evaluate(MATURITY.plusDays(1)), repaid.id())).isEmpty();
    }
}
