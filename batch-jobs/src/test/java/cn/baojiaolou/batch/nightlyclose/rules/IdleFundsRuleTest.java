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
class IdleFundsRuleTest {

    private static final LocalDate PAID = LocalDate.of(2023, 2, 10);

    @Autowired
    BatchFixtures fx;
    @Autowired
    IdleFundsRule rule;

    @Test
    void aPaymentIsIdleAfter90DaysWithoutAVerifiedMilestoneNotAfter89() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        Disbursement first = fx.paid(r.project(), r.payee(), r.restart(), yuan("100000.00"), PAID);
        Disbursement second = fx.paid(r.project(), r.payee(), r.restart(), yuan("20000.00"),
                LocalDate.of(2023, 2, 20));

        assertThat(idle(r, PAID.plusDays(89))).isEmpty();
        List<Finding> day90 = idle(r, PAID.plusDays(90));
        assertThat(day90).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("IDLE_FUNDS");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.subjectKey()).isEqualTo("project:" + r.project().id());
            assertThat(f.amount()).isEqualByComparingTo("100000.00");
            assertThat(f.facilityId()).isEqualTo(r.facility().id());
            assertThat(f.districtId()).isEqualTo(r.district().id());
            assertThat(f.refs().disbursementIds()).containsExactly(first.id());
        });
        // 10 days later the second payment is idle too
        assertThat(idle(r, LocalDate.of(2023, 2, 20).plusDays(90))).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualByComparingTo("120000.00");
            assertThat(f.refs().disbursementIds()).containsExactly(first.id(), second.id());
        });
    }

    @Test
    void aMilestoneVerifiedOnThe90thDayAfterThePaymentKeepsItFromBeingIdle() {
        Ready r = paidOnce("100000.00");
        fx.verify(r.project(), r.milestones().get(1), PAID.plusDays(90));

        assertThat(idle(r, PAID.plusDays(90))).isEmpty();
        assertThat(idle(r, PAID.plusDays(200))).isEmpty();
    }

    @Test
    void aMilestoneVerifiedOnThe91stDayIsTooLate() {
        Ready r = paidOnce("100000.00");
        fx.verify(r.project(), r.milestones().get(1), PAID.plusDays(91));

        assertThat(idle(r, PAID.plusDays(91))).singleElement()
                .extracting(Finding::amount).satisfies(a -> assertThat(a).isEqualByComparingTo("100000.00"));
    }

    @Test
    void theVerificationThePaymentWasMadeAgainstOnTheSameDayDoesNotCountAsProgressAfterIt() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), PAID);
        fx.paid(r.project(), r.payee(), r.restart(), yuan("100000.00"), PAID);

        assertThat(idle(r, PAID.plusDays(90))).hasSize(1);
    }

    @Test
    void aPaymentReversedByDIsNotIdle() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        Disbursement d = fx.paid(r.project(), r.payee(), r.restart(), yuan("100000.00"), PAID);
        fx.reverse(d, LocalDate.of(2023, 3, 1));

        assertThat(idle(r, PAID.plusDays(90))).isEmpty();
    }

    @Test
    void aPaymentAfterTheLastMilestoneWasVerifiedHasNoProgressLeftToWaitFor() {
        Ready r = fx.ready(yuan("1000000.00"));
        for (int i = 0; i < 4; i++) {
            fx.verify(r.project(), r.milestones().get(i), LocalDate.of(2023, 2, 1 + i));
        }
        fx.paid(r.project(), r.payee(), r.milestones().get(3), yuan("100000.00"), PAID);

        assertThat(idle(r, PAID.plusDays(90))).isEmpty();
        assertThat(idle(r, PAID.plusDays(400))).isEmpty();
    }

    @Test
    void aPaymentBeforeTheLastMilestoneIsJudgedEvenIfTheLastOneWasVerifiedAfterThe90Days() {
        Ready r = fx.ready(yuan("1000000.00"));
        for (int i = 0; i < 3; i++) {
            fx.verify(r.project(), r.milestones().get(i), LocalDate.of(2023, 2, 1 + i));
        }
        Disbursement d = fx.paid(r.project(), r.payee(), r.milestones().get(2), yuan("100000.00"), PAID);
        fx.verify(r.project(), r.milestones().get(3), PAID.plusDays(120));

        assertThat(idle(r, PAID.plusDays(90))).singleElement()
                .satisfies(f -> assertThat(f.refs().disbursementIds()).containsExactly(d.id()));
        assertThat(idle(r, PAID.plusDays(150))).hasSize(1);
    }

    private Ready paidOnce(String amount) {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(r.project(), r.payee(), r.restart(), yuan(amount), PAID);
        return r;
    }

    private List<Finding> idle(Ready r, LocalDate d) {
        return ofProject(rule.evaluate(d), r.project().id());
    }
}
