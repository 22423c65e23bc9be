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
class MilestoneOverdueRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    MilestoneOverdueRule rule;
    @Autowired
    RuleMapper mapper;

    @Test
    void thirtyDaysLateIsNothing31IsAWarning91IsSerious() {
        Ready r = fx.ready(yuan("1000000.00")); // 复工 planned 2023-03-01
        String key = "milestone:" + r.restart().id();

        assertThat(late(r, LocalDate.of(2023, 3, 31))).isEmpty();                       // 30 days
        assertThat(late(r, LocalDate.of(2023, 4, 1))).singleElement().satisfies(f -> { // 31 days
            assertThat(f.subjectKey()).isEqualTo(key);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.districtId()).isEqualTo(r.district().id());
            assertThat(f.facilityId()).isEqualTo(r.facility().id());
            assertThat(f.detail()).contains("复工").contains("31 天");
            assertThat(f.refs().milestoneIds()).containsExactly(r.restart().id());
        });
        assertThat(late(r, LocalDate.of(2023, 5, 30))).singleElement()                  // 90 days
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(late(r, LocalDate.of(2023, 5, 31))).singleElement()                  // 91 days
                .extracting(Finding::severity).isEqualTo(Severity.SERIOUS);
    }

    @Test
    void aMilestoneCountsAsVerifiedFromItsVerificationDateOn() {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 6, 10));

        assertThat(late(r, LocalDate.of(2023, 6, 9))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.SERIOUS);
        assertThat(late(r, LocalDate.of(2023, 6, 10))).isEmpty();
        // the next milestone (planned 2023-09-01) is not late yet
        assertThat(late(r, LocalDate.of(2023, 10, 1))).isEmpty();
        assertThat(late(r, LocalDate.of(2023, 10, 2))).singleElement()
                .extracting(Finding::subjectKey).isEqualTo("milestone:" + r.milestones().get(1).id());
    }

    @Test
    void theThresholdsComeFromConfiguration() {
        Ready r = fx.ready(yuan("1000000.00"));
        MilestoneOverdueRule strict = new MilestoneOverdueRule(mapper, new RuleThresholds(3, 10, 20, 90, 90));

        assertThat(ofProject(strict.evaluate(LocalDate.of(2023, 3, 11)), r.project().id())).isEmpty();
        assertThat(ofProject(strict.evaluate(LocalDate.of(2023, 3, 12)), r.project().id())).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(ofProject(strict.evaluate(LocalDate.of(2023, 3, 22)), r.project().id())).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.SERIOUS);
    }

    private List<Finding> late(Ready r, LocalDate d) {
        return ofProject(rule.evaluate(d), r.project().id());
    }
}
