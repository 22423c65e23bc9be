package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Project;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class DeliveryOverdueRuleTest {

    private static final LocalDate EXPECTED = LocalDate.of(2024, 1, 31);

    @Autowired
    BatchFixtures fx;
    @Autowired
    DeliveryOverdueRule rule;

    @Test
    void aWarningFromTheDayAfterTheExpectedDateSeriousAfter90Days() {
        District d = fx.district();
        Project p = fx.project(d, EXPECTED, 100);
        Milestone completion = fx.milestone(p, "竣工验收", "95", LocalDate.of(2023, 12, 31));
        Milestone delivery = fx.milestone(p, "交付", "100", EXPECTED);

        assertThat(late(p, EXPECTED)).isEmpty();
        assertThat(late(p, EXPECTED.plusDays(1))).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("DELIVERY_OVERDUE");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.subjectKey()).isEqualTo("project:" + p.id());
            assertThat(f.districtId()).isEqualTo(d.id());
            assertThat(f.refs().milestoneIds()).containsExactly(delivery.id());
            assertThat(f.detail()).contains("2024-01-31").contains("0/100");
        });
        assertThat(late(p, EXPECTED.plusDays(90))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(late(p, EXPECTED.plusDays(91))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.SERIOUS);
        assertThat(completion.id()).isNotIn(late(p, EXPECTED.plusDays(1)).get(0).refs().milestoneIds());
    }

    @Test
    void aVerified交付MilestoneEndsItEvenWithSomeHomesStillUndelivered() {
        District d = fx.district();
        Project p = fx.project(d, EXPECTED, 100);
        Milestone delivery = fx.milestone(p, "交付", "100", EXPECTED);
        fx.verify(p, delivery, LocalDate.of(2024, 2, 15), 40);

        assertThat(late(p, LocalDate.of(2024, 2, 14))).hasSize(1);
        assertThat(late(p, LocalDate.of(2024, 2, 15))).isEmpty();
        assertThat(late(p, LocalDate.of(2024, 6, 1))).isEmpty();
    }

    @Test
    void allHomesDeliveredIsNotOverdueEvenWithout交付Verified() {
        District d = fx.district();
        Project p = fx.project(d, EXPECTED, 100);
        Milestone completion = fx.milestone(p, "竣工验收", "95", LocalDate.of(2023, 12, 31));
        fx.milestone(p, "交付", "100", EXPECTED);
        fx.verify(p, completion, LocalDate.of(2024, 1, 10), 100);

        assertThat(late(p, LocalDate.of(2024, 6, 1))).isEmpty();
    }

    private List<Finding> late(Project p, LocalDate d) {
        return ofProject(rule.evaluate(d), p.id());
    }
}
