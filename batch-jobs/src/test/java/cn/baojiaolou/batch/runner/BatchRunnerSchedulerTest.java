package cn.baojiaolou.batch.runner;

import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.common.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's scheduler mode: the default cron in Asia/Shanghai, and the close of yesterday it triggers. */
@BatchDatabaseTest
class BatchRunnerSchedulerTest {

    @Autowired
    BatchRunner runner;
    @Autowired
    BusinessClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BatchFixtures fx;

    @Test
    void theDefaultScheduleIsTwoInTheMorningShanghaiTime() {
        BatchRunner.ScheduledClose scheduled = runner.schedule(null);
        try {
            assertThat(scheduled.trigger().getExpression()).isEqualTo("0 0 2 * * *");
            // 01:59 in Shanghai (17:59 UTC the day before) fires at 02:00 Shanghai the same night, not 02:00 UTC
            Instant before = ZonedDateTime.of(2026, 3, 9, 1, 59, 0, 0, BusinessClock.SHANGHAI).toInstant();
            SimpleTriggerContext context = new SimpleTriggerContext(before, before, before);
            assertThat(scheduled.trigger().nextExecution(context))
                    .isEqualTo(ZonedDateTime.of(2026, 3, 9, 2, 0, 0, 0, BusinessClock.SHANGHAI).toInstant());
            // and the close is really pending on the scheduler, at most a day away
            long delay = scheduled.future().getDelay(TimeUnit.SECONDS);
            assertThat(delay).isPositive().isLessThanOrEqualTo(24 * 3600);
            assertThat(scheduled.future().isDone()).isFalse();
        } finally {
            scheduled.scheduler().shutdown();
        }
    }

    @Test
    void whenTheCronFiresYesterdayIsClosed() throws Exception {
        LocalDate yesterday = clock.today().minusDays(1);
        // the close refuses a database without any facility; run alone, this test has to bring its own
        fx.facility(new BigDecimal("1000000.00"), yesterday.minusDays(30), yesterday.plusYears(3));
        // start the calendar the day before, so the close catches up one day, not the whole test ledger
        jdbc.update("INSERT INTO business_day (business_date, closed_at, accrual_rows, settlement_rows, matched_lines, "
                + "exceptions_open) SELECT ?, UTC_TIMESTAMP(6), 0, 0, 0, 0 FROM DUAL WHERE NOT EXISTS "
                + "(SELECT 1 FROM business_day WHERE business_date >= ?)", Date.valueOf(yesterday.minusDays(1)),
                Date.valueOf(yesterday.minusDays(1)));
        BatchRunner.ScheduledClose scheduled = runner.schedule("* * * * * *"); // every second
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (closedBy(yesterday) == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            // the row is written inside the job, before it completes: stop the cron from firing again, then let the
            // running close end by itself (the scheduler's shutdown interrupts its thread, and Batch marks that STOPPED)
            scheduled.future().cancel(false);
            Long running = closedBy(yesterday);
            while (running != null && !finished(running) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            scheduled.scheduler().shutdown();
            scheduled.scheduler().getScheduledThreadPoolExecutor().awaitTermination(120, TimeUnit.SECONDS);
        }
        Long execution = closedBy(yesterday);
        assertThat(execution).as("business_day row of %s written by a job execution", yesterday).isNotNull();
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, execution)).isEqualTo("COMPLETED");
    }

    private boolean finished(long execution) {
        return jdbc.queryForObject("SELECT END_TIME IS NOT NULL FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                Boolean.class, execution);
    }

    private Long closedBy(LocalDate day) {
        return jdbc.query("SELECT job_execution_id FROM business_day WHERE business_date = ?",
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, Date.valueOf(day));
    }
}
