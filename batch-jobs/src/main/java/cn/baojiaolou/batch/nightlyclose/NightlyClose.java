package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.user.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes business dates: D itself, after catching up every day since the last closed one, in order. A date
 * already closed is a no-op; today or a later date is refused (the day is not over). One runner at a time
 * (a database lock), and an execution left STARTED by a killed process is marked FAILED first, so the relaunch
 * restarts it from the step that did not finish.
 * <p>The lock is taken with plain JDBC on a connection held for the whole run: GET_LOCK belongs to the session that
 * took it, and a mapper call would hand the connection back to the pool between statements.
 */
@Component
public class NightlyClose {

    private static final Logger log = LoggerFactory.getLogger(NightlyClose.class);
    private static final String LOCK = "bjl-nightly-close";

    private final JobOperator operator;
    private final Job job;
    private final JobRepository repository;
    private final BusinessDayMapper days;
    private final DataSource dataSource;
    private final BusinessClock clock;
    private final PrintStream out = System.out;

    public NightlyClose(JobOperator operator, Job nightlyCloseJob, JobRepository repository,
                        BusinessDayMapper days, DataSource dataSource, BusinessClock clock) {
        this.operator = operator;
        this.job = nightlyCloseJob;
        this.repository = repository;
        this.days = days;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record DayResult(LocalDate businessDate, BatchStatus status, Duration took) {
    }

    public record Outcome(boolean success, String message, List<DayResult> days) {
    }

    /** The default business date: yesterday in Asia/Shanghai. */
    public LocalDate yesterday() {
        return clock.today().minusDays(1);
    }

    /** Closes D (catching up first), as the system principal: the audit trail and the archive name it. */
    public Outcome closeThrough(LocalDate d) {
        try {
            return SystemPrincipal.call(() -> closeThroughAsSystem(d));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome closeThroughAsSystem(LocalDate d) {
        LocalDate today = clock.today();
        if (!d.isBefore(today)) {
            return new Outcome(false, "业务日期 %s 尚未结束，不能结账（今天是 %s，最晚可结 %s）".formatted(d, today,
                    today.minusDays(1)), List.of());
        }
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!lock(lockHolder)) {
                return new Outcome(false, "另一个结账进程正在运行，本次未执行", List.of());
            }
            try {
                return closeDays(d);
            } finally {
                unlock(lockHolder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("结账锁获取失败: " + e.getMessage(), e);
        }
    }

    private Outcome closeDays(LocalDate d) {
        String refusal = databaseRefusal(days.countFacilities(), days.lostDays());
        if (refusal != null) {
            return new Outcome(false, refusal, List.of());
        }
        abandonStaleExecutions();
        if (isClosed(d)) {
            return new Outcome(true, "业务日期 %s 已结账，无需重复执行".formatted(d), List.of());
        }
        LocalDate last = days.lastClosed();
        LocalDate from;
        if (last == null) {
            LocalDate first = days.firstValueDate();
            from = first == null || first.isAfter(d) ? d : first;
        } else {
            from = last.isBefore(d) ? last.plusDays(1) : d;
        }
        if (from.isBefore(d)) {
            out.printf("补结：从 %s 到 %s，共 %d 天%n", from, d, Duration.between(from.atStartOfDay(),
                    d.atStartOfDay()).toDays() + 1);
        }
        List<DayResult> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(d); day = day.plusDays(1)) {
            if (isClosed(day)) {
                continue;
            }
            DayResult r = run(day);
            days.add(r);
            if (r.status() != BatchStatus.COMPLETED) {
                return new Outcome(false, "业务日期 %s 结账失败（%s），后续日期未执行；修复后重新运行即可从失败的步骤继续"
                        .formatted(day, r.status()), days);
            }
        }
        return new Outcome(true, "已结账至 %s，本次结账 %d 天".formatted(d, days.size()), days);
    }

    private DayResult run(LocalDate day) {
        out.printf("结账 %s%n", day);
        LocalDateTime started = LocalDateTime.now();
        JobParameters params = new JobParametersBuilder()
                .addLocalDate(NightlyCloseJobConfig.BUSINESS_DATE, day).toJobParameters();
        try {
            JobExecution execution = operator.start(job, params);
            return new DayResult(day, execution.getStatus(), Duration.between(started, LocalDateTime.now()));
        } catch (Exception e) {
            log.error("nightly close of {} could not start", day, e);
            out.printf("  结账 %s 无法启动：%s%n", day, e.getMessage());
            return new DayResult(day, BatchStatus.FAILED, Duration.between(started, LocalDateTime.now()));
        }
    }

    /**
     * Why a database must not be closed, or null: a misconfigured database (an empty one created by mistake, or one
     * that lost its history) must never report a close as done.
     */
    static String databaseRefusal(int facilities, List<LocalDate> lostDays) {
        if (facilities == 0) {
            return "数据库中没有任何借款批次，拒绝结账：请确认连接的是正确的数据库（数据目录 loan.embedded-db.dir 或 LOAN_DB_URL）。"
                    + "空库上的结账不会被记为成功";
        }
        if (!lostDays.isEmpty()) {
            return "数据库已丢失曾经结账的业务日期（%s 等 %d 天），拒绝结账：请检查是否连接了被重建或恢复过的数据库"
                    .formatted(lostDays.get(0), lostDays.size());
        }
        return null;
    }

    public boolean isClosed(LocalDate day) {
        return days.countClosed(day) > 0;
    }

    /** Under the lock no other runner is alive, so a STARTED execution belongs to a process that died. */
    private void abandonStaleExecutions() {
        for (JobExecution stale : repository.findRunningJobExecutions(NightlyCloseJobConfig.JOB)) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : stale.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("进程中断（如 kill -9），已标记为失败"));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            stale.setStatus(BatchStatus.FAILED);
            stale.setExitStatus(ExitStatus.FAILED.addExitDescription("进程中断（如 kill -9），已标记为失败"));
            stale.setEndTime(now);
            repository.update(stale);
            out.printf("发现被中断的结账（执行 %d），已标记为失败，将从中断的步骤重跑%n", stale.getId());
        }
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, LOCK);
            ps.executeQuery().close();
        }
    }
}
