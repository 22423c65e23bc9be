package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class OverProgressRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    OverProgressRule rule;

    /**
     * Allocation 1,234,567.89: 复工 (20%) unlocks 246,913.578 → 246,913.58 (half-up at the fen). 主体结构封顶 (50%)
     * is entered ahead of time with the later date 2023-06-01, so the write path lets 20% + 0.01 be paid in March;
     * as of D in March and April only 20% was verified.
     */
    @Test
    void oneFenAboveTheCapOfTheLastMilestoneVerifiedByDIsReportedTheExactCapIsNot() {
        Ready over = readyWithLateCap();
        Disbursement first = fx.paid(over.project(), over.payee(), over.restart(), yuan("100000.00"),
                LocalDate.of(2023, 3, 1));
        Disbursement second = fx.paid(over.project(), over.payee(), over.restart(), yuan("146913.59"),
                LocalDate.of(2023, 3, 2));
        Ready exact = readyWithLateCap();
        fx.paid(exact.project(), exact.payee(), exact.restart(), yuan("100000.00"), LocalDate.of(2023, 3, 1));
        fx.paid(exact.project(), exact.payee(), exact.restart(), yuan("146913.58"), LocalDate.of(2023, 3, 2));

        List<Finding> april = rule.evaluate(LocalDate.of(2023, 4, 1));

        assertThat(ofProject(april, over.project().id())).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("OVER_PROGRESS");
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.subjectKey()).isEqualTo("project:" + over.project().id());
            assertThat(f.districtId()).isEqualTo(over.district().id());
            assertThat(f.facilityId()).isEqualTo(over.facility().id());
            assertThat(f.amount()).isEqualByComparingTo("0.01");
            assertThat(f.detail()).contains("246,913.59").contains("246,913.58").contains("20%");
            // the payment that took Σ paid above the cap, not the one before it
            assertThat(f.refs().disbursementIds()).containsExactly(second.id());
            assertThat(f.refs().milestoneIds()).containsExactly(over.restart().id());
        });
        assertThat(first.id()).isNotIn(ofProject(april, over.project().id()).get(0).refs().disbursementIds());
        assertThat(ofProject(april, exact.project().id())).isEmpty();
        // once 主体结构封顶 counts (verified_on 2023-06-01) the cap is 50%
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 6, 1)), over.project().id())).isEmpty();
        // before the second payment Σ paid was within the cap
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 3, 1)), over.project().id())).isEmpty();
    }

    @Test
    void paidBeforeAnyMilestoneCountedIsAboveACapOfZero() {
        // like the demo's LL-05: the verification is entered with a date after the payment it unlocked
        Ready r = fx.ready(yuan("500000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        Disbursement d = fx.paid(r.project(), r.payee(), r.restart(), yuan("30000.00"), LocalDate.of(2023, 1, 20));

        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 1, 25)), r.project().id())).singleElement()
                .satisfies(f -> {
                    assertThat(f.amount()).isEqualByComparingTo("30000.00");
                    assertThat(f.refs().disbursementIds()).containsExactly(d.id());
                    assertThat(f.refs().milestoneIds()).isEmpty();
                });
        assertThat(ofProject(rule.evaluate(LocalDate.of(2023, 2, 1)), r.project().id())).isEmpty();
    }

    private Ready readyWithLateCap() {
        Ready r = fx.ready(yuan("1234567.89"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.verify(r.project(), r.milestones().get(1), LocalDate.of(2023, 6, 1));
        return r;
    }
}
