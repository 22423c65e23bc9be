package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.batch.nightlyclose.IncrementalState;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.baojiaolou.batch.support.BatchFixtures.ofProject;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MILESTONE_OVERDUE, OVER_PROGRESS and IDLE_FUNDS on the milestone state (V21) find exactly what their old reads of
 * every milestone found ({@link MilestoneRulesReference}), night after night of a scenario: milestones becoming
 * overdue and then verified, payments above the verified cap until a verification dated later releases it, idle
 * funds crossing 90 days, a backdated verification clearing them, a milestone added to a finished schedule, a
 * verification out of order. Each night is compared before its intake (the day's rows past the checkpoints) and after
 * it, on the night and on dates before and after it, over the whole database (other tests' rows too). The state built
 * night by night equals the state rebuilt from scratch.
 */
@BatchDatabaseTest
class MilestoneStateTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    IncrementalState state;
    @Autowired
    RuleMapper mapper;
    @Autowired
    MilestoneRulesReference reference;
    @Autowired
    RuleThresholds thresholds;
    @Autowired
    MilestoneOverdueRule overdue;
    @Autowired
    OverProgressRule overProgress;
    @Autowired
    IdleFundsRule idle;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRulesOnTheStateFindWhatAReadOfEveryMilestoneFindsEveryNight() {
        Ready a = fx.ready(yuan("1000000.00")); // 复工 20% 03-01, 封顶 50% 09-01, 竣工 95% 2024-03-01, 交付 2024-06-30
        Ready b = fx.ready(yuan("1000000.00"));
        fx.verify(b.project(), b.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(b.project(), b.payee(), b.restart(), yuan("100000.00"), LocalDate.of(2023, 3, 1));
        Ready c = fx.ready(yuan("1000000.00"));
        for (int i = 0; i < 4; i++) {
            fx.verify(c.project(), c.milestones().get(i), LocalDate.of(2023, 2, 1 + i));
        }
        fx.paid(c.project(), c.payee(), c.milestones().get(3), yuan("50000.00"), LocalDate.of(2023, 3, 1));
        // arrived by another route: 竣工验收 verified without the two before it
        Ready d = fx.ready(yuan("1000000.00"));
        insertVerification(d.milestones().get(2).id(), LocalDate.of(2023, 4, 1));

        // 2023-04-05: 复工 of A and D 35 days late
        List<Finding> apr5 = night(LocalDate.of(2023, 4, 5));
        assertThat(ofProject(apr5, a.project().id())).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("MILESTONE_OVERDUE");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(ofProject(apr5, d.project().id())).extracting(Finding::subjectKey)
                .containsExactly("milestone:" + d.restart().id());
        assertThat(openMilestones(a)).isEqualTo(4);
        assertThat(stateOf(d)).containsEntry("verified_cap_percent", new BigDecimal("95.00"));

        // 2023-05-30: B's payment of 03-01 has waited 90 days; C gets a fifth milestone, so its payment waits too
        long extra = insertMilestone(c.project().id(), 5, "尾款结算", LocalDate.of(2023, 4, 15));
        List<Finding> may30 = night(LocalDate.of(2023, 5, 30));
        assertThat(codes(may30, b)).containsExactly("IDLE_FUNDS");
        assertThat(codes(may30, c)).containsExactlyInAnyOrder("MILESTONE_OVERDUE", "IDLE_FUNDS");
        assertThat(ofProject(may30, c.project().id())).extracting(Finding::subjectKey).contains("milestone:" + extra);

        // 2023-06-12: 复工 of A verified on 06-10 and paid; 封顶 of B verified with the earlier date 05-15
        fx.verify(a.project(), a.restart(), LocalDate.of(2023, 6, 10));
        fx.paid(a.project(), a.payee(), a.restart(), yuan("150000.00"), LocalDate.of(2023, 6, 11));
        fx.verify(b.project(), b.milestones().get(1), LocalDate.of(2023, 5, 15));
        List<Finding> jun12 = night(LocalDate.of(2023, 6, 12));
        assertThat(ofProject(jun12, a.project().id())).isEmpty();
        assertThat(codes(jun12, b)).isEmpty();
        assertThat(codes(evaluate(LocalDate.of(2023, 5, 30)), b)).as("the backdated verification, seen from 05-30")
                .isEmpty();

        // 2023-07-05: 封顶 of A entered ahead with the date 07-20, so 20% still holds and 250,000.00 is paid
        fx.verify(a.project(), a.milestones().get(1), LocalDate.of(2023, 7, 20));
        Disbursement over = fx.paid(a.project(), a.payee(), a.restart(), yuan("100000.00"), LocalDate.of(2023, 7, 2));
        List<Finding> jul5 = night(LocalDate.of(2023, 7, 5));
        assertThat(ofProject(jul5, a.project().id())).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("OVER_PROGRESS");
            assertThat(f.amount()).isEqualByComparingTo("50000.00");
            assertThat(f.refs().disbursementIds()).containsExactly(over.id());
        });
        assertThat(stateOf(a)).containsEntry("last_verified_on", Date.valueOf(LocalDate.of(2023, 7, 20)));

        // 2023-07-20: the 50% counts; 2023-07-26: paid after the last verification
        assertThat(ofProject(night(LocalDate.of(2023, 7, 20)), a.project().id())).isEmpty();
        fx.paid(a.project(), a.payee(), a.milestones().get(1), yuan("50000.00"), LocalDate.of(2023, 7, 25));
        assertThat(ofProject(night(LocalDate.of(2023, 7, 26)), a.project().id())).isEmpty();

        // 89 days, then 90: idle
        assertThat(codes(night(LocalDate.of(2023, 10, 22)), a)).isEmpty();
        assertThat(ofProject(night(LocalDate.of(2023, 10, 23)), a.project().id())).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("IDLE_FUNDS");
            assertThat(f.amount()).isEqualByComparingTo("50000.00");
        });

        // 竣工验收 verified 12-01: 129 days after the payment, too late to clear it
        fx.verify(a.project(), a.milestones().get(2), LocalDate.of(2023, 12, 1));
        assertThat(codes(night(LocalDate.of(2023, 12, 5)), a)).containsExactly("IDLE_FUNDS");

        // another idle-days threshold than the state was cut with: the rule computes every gap itself
        RuleThresholds sixty = new RuleThresholds(3, 30, 90, 60, 90);
        LocalDate day = LocalDate.of(2023, 5, 2);
        assertThat(new IdleFundsRule(mapper, sixty).evaluate(day)).isEqualTo(referenceRules(sixty).get(2).evaluate(day))
                .extracting(Finding::projectId).contains(b.project().id());

        // the state built night by night is the state built from scratch
        List<Map<String, Object>> incremental = milestoneState();
        jdbc.update("DELETE FROM close_checkpoint WHERE source IN (?, ?)", IncrementalState.MILESTONE,
                IncrementalState.MILESTONE_VERIFICATION);
        for (String table : List.of("milestone_open", "milestone_project_state", "milestone_gap")) {
            jdbc.update("DELETE FROM " + table);
        }
        state.takeInMilestones();
        assertThat(milestoneState()).isEqualTo(incremental);
    }

    /**
     * One night: the rules compared with the reference with the day's rows past the checkpoints, then after the
     * intake; answers the night's findings of the three rules.
     */
    private List<Finding> night(LocalDate d) {
        sameAsReference(d);
        state.takeIn();
        state.advanceTotals(d);
        state.takeInMilestones();
        sameAsReference(d);
        return evaluate(d);
    }

    /** On the night, the days around it, and dates well before and after it (rules can be run for any date). */
    private void sameAsReference(LocalDate night) {
        List<ReconciliationRule> incremental = List.of(overdue, overProgress, idle);
        List<ReconciliationRule> old = referenceRules(thresholds);
        for (LocalDate d : List.of(night, night.minusDays(1), night.plusDays(1), night.minusDays(45),
                night.plusDays(100))) {
            for (int i = 0; i < incremental.size(); i++) {
                assertThat(incremental.get(i).evaluate(d)).as("%s on %s (night %s)", incremental.get(i).code(), d,
                        night).isEqualTo(old.get(i).evaluate(d));
            }
        }
    }

    private List<ReconciliationRule> referenceRules(RuleThresholds t) {
        RuleMapper old = MilestoneRulesReference.asRuleMapper(mapper, reference);
        return List.of(new MilestoneOverdueRule(old, t), new OverProgressRule(old), new IdleFundsRule(old, t));
    }

    private List<Finding> evaluate(LocalDate d) {
        return List.of(overdue, overProgress, idle).stream().flatMap(r -> r.evaluate(d).stream()).toList();
    }

    private static List<String> codes(List<Finding> findings, Ready r) {
        return ofProject(findings, r.project().id()).stream().map(Finding::ruleCode).toList();
    }

    private int openMilestones(Ready r) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM milestone_open WHERE project_id = ?", Integer.class,
                r.project().id());
    }

    private Map<String, Object> stateOf(Ready r) {
        return jdbc.queryForMap("SELECT verified_cap_percent, last_verified_on FROM milestone_project_state "
                + "WHERE project_id = ?", r.project().id());
    }

    private List<Map<String, Object>> milestoneState() {
        return jdbc.queryForList("SELECT 'open' AS t, milestone_id AS id, project_id AS p, planned_date AS d1, "
                + "NULL AS d2, NULL AS x FROM milestone_open UNION ALL "
                + "SELECT 'project', project_id, project_id, last_verified_on, NULL, verified_cap_percent "
                + "FROM milestone_project_state UNION ALL "
                + "SELECT 'gap', project_id, project_id, gap_from, gap_to, idle_days FROM milestone_gap "
                + "ORDER BY 1, 2, 4, 5");
    }

    private void insertVerification(long milestoneId, LocalDate on) {
        jdbc.update("INSERT INTO milestone_verification (milestone_id, verified_on, inspector, evidence_ref, "
                        + "verified_by, verified_at) VALUES (?, ?, '迁移', 'JL-MIG', 'migration', ?)",
                milestoneId, Date.valueOf(on), Timestamp.valueOf(LocalDateTime.now()));
    }

    private long insertMilestone(long projectId, int seq, String name, LocalDate planned) {
        jdbc.update("INSERT INTO milestone (project_id, seq, name, planned_date, cumulative_cap_percent, created_at, "
                        + "created_by) VALUES (?, ?, ?, ?, 100, ?, 'migration')",
                projectId, seq, name, Date.valueOf(planned), Timestamp.valueOf(LocalDateTime.now()));
        return jdbc.queryForObject("SELECT id FROM milestone WHERE project_id = ? AND seq = ?", Long.class, projectId,
                seq);
    }
}
