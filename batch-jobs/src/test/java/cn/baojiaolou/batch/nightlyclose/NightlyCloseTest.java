package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.BatchJobsApplication;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.domain.interest.Settlement;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly close end to end: catch-up, reruns, the refusal of dates not yet over, restart after a kill, and the
 * settlements equal to the interest query of the ledger. The nightly tables (accruals, settlements, matches,
 * exceptions, the closed-day calendar and the job repository) are derived data, so each test starts them empty
 * and opens its window by marking the day before it as closed.
 */
@SpringBootTest(classes = BatchJobsApplication.class)
@Import({BatchFixtures.class, NightlyCloseTest.Faults.class})
class NightlyCloseTest {

    /**
     * A process dying mid-step, once: after the step named in {@link #failAt} has done and committed its work, before
     * Spring Batch records the step as completed. Registered on the job's tasklet steps by the test alone (a bean
     * post-processor); the job's configuration knows nothing of it.
     */
    @TestConfiguration
    static class Faults {
        static volatile String failAt;

        @Bean
        static BeanPostProcessor failAfterChunk() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof TaskletStep step) {
                        step.registerChunkListener(new ChunkListener<Object, Object>() {
                            @Override
                            @SuppressWarnings("deprecation") // the tasklet step still calls the ChunkContext variant
                            public void afterChunk(ChunkContext context) {
                                String step = context.getStepContext().getStepName();
                                if (step.equals(failAt)) {
                                    failAt = null;
                                    throw new IllegalStateException("injected failure after the work of " + step);
                                }
                            }
                        });
                    }
                    return bean;
                }
            };
        }
    }

    private static final LocalDate OPENING = LocalDate.of(2024, 3, 14);
    private static final LocalDate THROUGH = LocalDate.of(2024, 3, 25);

    @Autowired
    BatchFixtures fx;
    @Autowired
    NightlyClose nightly;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectInterest interest;

    private Fixtures.Ready ready;

    @BeforeEach
    void scenario() {
        fx.resetNightlyTables();
        ready = fx.ready(yuan("1000000.00"));
        fx.verify(ready.project(), ready.restart(), LocalDate.of(2023, 2, 1));
        Disbursement first = fx.paid(ready.project(), ready.payee(), ready.restart(), yuan("150000.00"),
                LocalDate.of(2024, 3, 1), Fixtures.code("PZ"));
        fx.paid(ready.project(), ready.payee(), ready.restart(), yuan("50000.00"), LocalDate.of(2024, 3, 18),
                Fixtures.code("PZ"));
        fx.repay(ready.project(), yuan("20000.00"), LocalDate.of(2024, 3, 22), Fixtures.code("HK"));
        Facility f = ready.facility();
        long imp = fx.statementImport(f.id());
        LedgerEntry payment = fx.paymentOf(first);
        fx.bankLine(f.id(), imp, LocalDate.of(2024, 3, 1), "DEBIT", "150000.00", ready.payee().accountNo(),
                payment.voucherNo(), "9850000.00");
        // a debit nobody recorded: a court deduction
        fx.bankLine(f.id(), imp, LocalDate.of(2024, 3, 15), "DEBIT", "88888.00", "法院执行账户", null, "9761112.00");
        Faults.failAt = null;
    }

    @AfterEach
    void noFaultLeft() {
        Faults.failAt = null;
    }

    @Test
    void todayAndLaterAreRefusedAndNothingIsClosed() {
        markClosed(OPENING);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (LocalDate d : List.of(today, today.plusDays(1))) {
            NightlyClose.Outcome outcome = nightly.closeThrough(d);
            assertThat(outcome.success()).isFalse();
            assertThat(outcome.message()).contains("尚未结束");
        }
        assertThat(count("business_day")).isEqualTo(1);
        assertThat(count("BATCH_JOB_EXECUTION")).isZero();
    }

    @Test
    void aDatabaseThatLostDaysItHadClosedIsRefusedAndNothingIsClosed() {
        markClosed(OPENING);
        assertThat(nightly.closeThrough(LocalDate.of(2024, 3, 17)).success()).isTrue();
        // the database comes back from a restore that lost the calendar of 2024-03-16
        jdbc.update("DELETE FROM business_day WHERE business_date = '2024-03-16'");
        long executions = count("BATCH_JOB_EXECUTION");
        NightlyClose.Outcome refused = nightly.closeThrough(LocalDate.of(2024, 3, 18));
        assertThat(refused.success()).isFalse();
        assertThat(refused.message()).contains("丢失", "2024-03-16");
        assertThat(refused.days()).isEmpty();
        assertThat(count("BATCH_JOB_EXECUTION")).isEqualTo(executions);
    }

    @Test
    void anEmptyDatabaseIsNeverReportedAsClosed() {
        assertThat(NightlyClose.databaseRefusal(0, List.of())).contains("没有任何借款批次", "拒绝结账");
        assertThat(NightlyClose.databaseRefusal(3, List.of())).isNull();
        // and the shared test database, which has facilities, is not refused
        markClosed(OPENING);
        assertThat(nightly.closeThrough(LocalDate.of(2024, 3, 15)).message()).doesNotContain("拒绝结账");
    }

    @Test
    void catchUpClosesEveryMissingDayInOrderAndARerunChangesNothing() {
        LocalDate monthBefore = THROUGH.minusMonths(1); // 2024-02-25: February 2024 has 29 days
        markClosed(monthBefore);
        NightlyClose.Outcome outcome = nightly.closeThrough(THROUGH);
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(outcome.days()).hasSize(29).extracting(NightlyClose.DayResult::businessDate)
                .containsExactlyElementsOf(monthBefore.plusDays(1).datesUntil(THROUGH.plusDays(1)).toList());
        assertThat(outcome.days()).extracting(NightlyClose.DayResult::status).containsOnly(BatchStatus.COMPLETED);
        Map<String, List<Map<String, Object>>> first = snapshot();

        NightlyClose.Outcome again = nightly.closeThrough(THROUGH);
        assertThat(again.success()).isTrue();
        assertThat(again.days()).isEmpty();
        assertThat(again.message()).contains("已结账");
        assertThat(nightly.closeThrough(THROUGH.minusDays(3)).days()).isEmpty();
        assertThat(snapshot()).isEqualTo(first);

        // the court deduction is found once the 3-day window has passed, and carried forward, not duplicated
        List<Map<String, Object>> court = jdbc.queryForList("SELECT first_seen, last_seen, status FROM recon_exception "
                + "WHERE rule_code = 'BANK_WITHOUT_LEDGER' AND facility_id = ?", ready.facility().id());
        assertThat(court).hasSize(1);
        assertThat(court.get(0).get("first_seen").toString()).isEqualTo("2024-03-18");
        assertThat(court.get(0).get("last_seen").toString()).isEqualTo("2024-03-25");
        assertThat(court.get(0).get("status")).isEqualTo("OPEN");
        // the recorded payment matched its bank line by voucher
        assertThat(fx.matchesOf(ready.facility().id())).extracting(BatchFixtures.Match::method)
                .containsExactly("VOUCHER");
    }

    @Test
    void anExceptionWhoseConditionClearsIsClosedWithTheDate() {
        markClosed(OPENING);
        assertThat(nightly.closeThrough(LocalDate.of(2024, 3, 20)).success()).isTrue();
        long id = jdbc.queryForObject("SELECT id FROM recon_exception WHERE rule_code = 'BANK_WITHOUT_LEDGER' "
                + "AND facility_id = ?", Long.class, ready.facility().id());
        // the deduction turns out to be recorded after all: a payment with the same voucher appears in the ledger
        fx.verify(ready.project(), ready.milestones().get(1), LocalDate.of(2023, 9, 1));
        jdbc.update("UPDATE bank_statement_line SET voucher_no = ? WHERE facility_id = ? AND amount = 88888.00",
                "COURT-1", ready.facility().id());
        Disbursement d = fx.paid(ready.project(), ready.payee(), ready.restart(), yuan("88888.00"),
                LocalDate.of(2024, 3, 22), "COURT-1");
        assertThat(d.status().name()).isEqualTo("PAID");
        assertThat(nightly.closeThrough(LocalDate.of(2024, 3, 23)).success()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT status, closed_on, last_seen, active_key FROM "
                + "recon_exception WHERE id = ?", id);
        assertThat(row.get("status")).isEqualTo("CLOSED");
        // closing 03-21 … 03-23: on 03-22 the payment's value date comes and its voucher matches the line
        assertThat(row.get("closed_on").toString()).isEqualTo("2024-03-22");
        assertThat(row.get("last_seen").toString()).isEqualTo("2024-03-21");
        assertThat(row.get("active_key")).isNull();
    }

    /** A run killed at any of these points, then run again, ends exactly like a run that was never interrupted. */
    @ParameterizedTest
    @ValueSource(strings = {"accrue", "settle", "intake", "match", "rules"})
    void aRunKilledMidStepFinishesOnRestartWithTheSameStateAsAnUninterruptedRun(String point) {
        markClosed(OPENING);
        assertThat(nightly.closeThrough(THROUGH).success()).isTrue();
        Map<String, List<Map<String, Object>>> uninterrupted = snapshot();

        fx.resetNightlyTables();
        markClosed(OPENING);
        assertThat(nightly.closeThrough(LocalDate.of(2024, 3, 19)).success()).isTrue();
        Faults.failAt = point; // fails on 2024-03-20, a 结息日
        NightlyClose.Outcome killed = nightly.closeThrough(THROUGH);
        assertThat(killed.success()).isFalse();
        assertThat(killed.days()).last().extracting(NightlyClose.DayResult::businessDate)
                .isEqualTo(LocalDate.of(2024, 3, 20));
        // what kill -9 leaves behind: the execution still marked as running
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL "
                + "WHERE STATUS = 'FAILED'");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                + "WHERE STATUS = 'FAILED'");

        NightlyClose.Outcome restarted = nightly.closeThrough(THROUGH);
        assertThat(restarted.success()).as(restarted.message()).isTrue();
        assertThat(restarted.days()).first().extracting(NightlyClose.DayResult::businessDate)
                .isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(snapshot()).isEqualTo(uninterrupted);
        // one settlement per position for the 结息日, never two
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interest_settlement WHERE settle_date = '2024-03-20' "
                + "AND facility_id = ? AND project_id = ?", Integer.class, ready.facility().id(),
                ready.project().id())).isEqualTo(1);
    }

    /**
     * A rate change inside a quarter (3.6 % → 2.85 % from 2024-05-10) and a later one on a 结息日's next day: the
     * nightly state carries the split 积数 day by day, and every stored settlement equals the interest query's replay
     * to the fen.
     */
    @Test
    void settlementsAcrossRateChangesEqualTheInterestQueryToTheFen() {
        for (String[] change : new String[][]{{"2024-05-10", "0.028500"}, {"2024-09-21", "0.031000"}}) {
            jdbc.update("INSERT INTO facility_term_change (facility_id, kind, effective_on, new_annual_rate, "
                    + "approval_ref, status, requested_by, requested_at, decided_by, decided_at) VALUES (?, 'RATE', ?, ?, "
                    + "'TEST', 'APPROVED', 'a', UTC_TIMESTAMP(6), 'r', UTC_TIMESTAMP(6))", ready.facility().id(),
                    Date.valueOf(change[0]), new BigDecimal(change[1]));
        }
        markClosed(LocalDate.of(2023, 12, 31));
        // through 09-30: the three 结息 of the year so far and ten days at the second new rate (a shorter run than a
        // year: the close prints every night)
        LocalDate yearEnd = LocalDate.of(2024, 9, 30);
        assertThat(nightly.closeThrough(yearEnd).success()).isTrue();

        ProjectInterest.Summary query = fx.as(fx.cityUser(Role.AUDITOR), () -> interest.asOf(ready.project().id(),
                yearEnd));
        List<Settlement> expected = query.positions().get(0).statement().settlements().stream()
                .filter(s -> s.date().getYear() == 2024).toList();
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT settle_date, balance_days, interest, penalty "
                + "FROM interest_settlement WHERE facility_id = ? AND project_id = ? AND settle_date BETWEEN "
                + "'2024-01-01' AND '2024-12-31' ORDER BY settle_date", ready.facility().id(), ready.project().id());
        assertThat(stored).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(stored.get(i).get("settle_date").toString()).isEqualTo(expected.get(i).date().toString());
            assertThat((BigDecimal) stored.get(i).get("interest")).isEqualByComparingTo(expected.get(i).interest());
        }
        // the 2024-06-20 结息 splits at 05-10: 03-21…05-09 at 3.6 %, 05-10…06-20 at 2.85 %, differing from one rate
        Settlement june = expected.stream().filter(s -> s.date().equals(LocalDate.of(2024, 6, 20))).findFirst()
                .orElseThrow();
        assertThat(june.interest()).isNotEqualByComparingTo(
                cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest.interestOf(june.balanceDays(),
                        new BigDecimal("0.036")));
        Map<String, Object> last = jdbc.queryForMap("SELECT accrued, interest_due FROM interest_accrual "
                + "WHERE business_date = ? AND facility_id = ? AND project_id = ?", Date.valueOf(yearEnd),
                ready.facility().id(), ready.project().id());
        assertThat((BigDecimal) last.get("accrued")).isEqualByComparingTo(query.accrued());
        assertThat((BigDecimal) last.get("interest_due")).isEqualByComparingTo(query.interestDue());
    }

    @Test
    void settlementsOverAFullYearEqualTheInterestQueryToTheFen() {
        // a second project on the same facility with its own schedule, including a repayment after a 结息日
        Fixtures.Ready other = fx.readyOn(ready.district(), ready.facility(), ready.drawdown(),
                yuan("2000000.00"));
        fx.verify(other.project(), other.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(other.project(), other.payee(), other.restart(), yuan("333333.33"), LocalDate.of(2024, 2, 29),
                Fixtures.code("PZ"));
        fx.repay(other.project(), yuan("100000.00"), LocalDate.of(2024, 6, 21), Fixtures.code("HK"));
        fx.repay(ready.project(), yuan("30000.00"), LocalDate.of(2024, 9, 20), Fixtures.code("HK"));
        markClosed(LocalDate.of(2023, 12, 31));
        LocalDate yearEnd = LocalDate.of(2024, 12, 31);
        assertThat(nightly.closeThrough(yearEnd).success()).isTrue();

        for (Fixtures.Ready r : List.of(ready, other)) {
            ProjectInterest.Summary query = fx.as(fx.cityUser(Role.AUDITOR), () -> interest.asOf(r.project().id(),
                    yearEnd));
            InterestStatement statement = query.positions().get(0).statement();
            List<Map<String, Object>> stored = jdbc.queryForList("SELECT settle_date, balance_days, interest, "
                    + "penalty_balance_days, penalty FROM interest_settlement WHERE facility_id = ? AND project_id = ? "
                    + "AND settle_date BETWEEN '2024-01-01' AND '2024-12-31' ORDER BY settle_date",
                    r.facility().id(), r.project().id());
            List<Settlement> expected = statement.settlements().stream()
                    .filter(s -> s.date().getYear() == 2024).toList();
            assertThat(stored).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < expected.size(); i++) {
                Settlement s = expected.get(i);
                Map<String, Object> row = stored.get(i);
                assertThat(row.get("settle_date").toString()).isEqualTo(s.date().toString());
                assertThat((BigDecimal) row.get("balance_days")).isEqualByComparingTo(s.balanceDays());
                assertThat((BigDecimal) row.get("interest")).isEqualByComparingTo(s.interest());
                assertThat((BigDecimal) row.get("penalty")).isEqualByComparingTo(s.penalty());
            }
            Map<String, Object> last = jdbc.queryForMap("SELECT principal, balance_days, accrued, interest_due, "
                    + "penalty_due FROM interest_accrual WHERE business_date = ? AND facility_id = ? AND project_id = ?",
                    Date.valueOf(yearEnd), r.facility().id(), r.project().id());
            assertThat((BigDecimal) last.get("principal")).isEqualByComparingTo(query.principal());
            assertThat((BigDecimal) last.get("balance_days")).isEqualByComparingTo(query.balanceDays());
            assertThat((BigDecimal) last.get("accrued")).isEqualByComparingTo(query.accrued());
            assertThat((BigDecimal) last.get("interest_due")).isEqualByComparingTo(query.interestDue());
            assertThat((BigDecimal) last.get("penalty_due")).isEqualByComparingTo(query.penaltyDue());
        }
    }

    private void markClosed(LocalDate day) {
        jdbc.update("INSERT INTO business_day (business_date, closed_at, accrual_rows, settlement_rows, matched_lines, "
                + "exceptions_open) VALUES (?, UTC_TIMESTAMP(6), 0, 0, 0, 0)", Date.valueOf(day));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Everything the close writes, in a stable order, without ids and timestamps. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "accrual", jdbc.queryForList("SELECT business_date, facility_id, project_id, principal, period_start, "
                        + "balance_days, accrued, settled, interest_paid, interest_due, penalty_balance_days, "
                        + "penalty_settled, penalty_paid, penalty_due, settlement_pending FROM interest_accrual "
                        + "ORDER BY business_date, facility_id, project_id"),
                "settlement", jdbc.queryForList("SELECT * FROM interest_settlement ORDER BY settle_date, facility_id, "
                        + "project_id"),
                "match", jdbc.queryForList("SELECT bank_line_id, ledger_entry_id, method, business_date FROM bank_match "
                        + "ORDER BY bank_line_id"),
                "exception", jdbc.queryForList("SELECT rule_code, severity, subject_key, active_key, project_id, amount, "
                        + "first_seen, last_seen, status, closed_on, detail, refs FROM recon_exception "
                        + "ORDER BY rule_code, subject_key, first_seen"),
                "days", jdbc.queryForList("SELECT business_date, accrual_rows, settlement_rows, matched_lines, "
                        + "exceptions_open FROM business_day ORDER BY business_date"),
                // the milestone state (V21) the intake keeps
                "milestoneState", jdbc.queryForList("SELECT 'open' AS t, milestone_id AS id, planned_date AS d1, "
                        + "NULL AS d2, NULL AS x FROM milestone_open UNION ALL SELECT 'project', project_id, "
                        + "last_verified_on, NULL, verified_cap_percent FROM milestone_project_state UNION ALL "
                        + "SELECT 'gap', project_id, gap_from, gap_to, idle_days FROM milestone_gap "
                        + "ORDER BY 1, 2, 3, 4"),
                "milestoneCheckpoints", jdbc.queryForList("SELECT source, last_id FROM close_checkpoint "
                        + "WHERE source LIKE 'milestone%' ORDER BY source"));
    }
}
