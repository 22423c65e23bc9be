package cn.baojiaolou.perf;

import cn.baojiaolou.batch.nightlyclose.IncrementalState;
import cn.baojiaolou.batch.nightlyclose.NightlyClose;
import cn.baojiaolou.loan.common.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times the nightly close of business date D against the floor: plain aggregate scans that read the tables the
 * close reads, once each. In one run: closes D−1 untimed (the first close, which bootstraps the interest state from
 * the whole ledger and matches the whole statement history), scans the floor once to warm the buffer pool, closes D
 * (timed, per step from the job repository), and scans the floor again (timed, warm like the close).
 * <p>To make D−1 the first day the close runs, an empty database gets a {@code business_day} row for D−2 (no job
 * execution, zero counts): {@link NightlyClose#closeThrough} then catches up from D−1 only. {@code --rerun} undoes
 * the close of D (its matches, accruals, settlements, exceptions, calendar row and job instance, the running totals'
 * move to D, and re-opens what D matched) to time it again.
 */
@Component
public class NightlyCloseBenchmark {

    private final JdbcTemplate jdbc;
    private final NightlyClose nightly;
    private final BusinessClock clock;
    private final IncrementalState state;
    private final BenchmarkMapper benchmarks;
    private final DailyActivity activity;
    private PrintStream out = System.out;

    public NightlyCloseBenchmark(JdbcTemplate jdbc, NightlyClose nightly, BusinessClock clock,
                                 IncrementalState state, BenchmarkMapper benchmarks, DailyActivity activity) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.state = state;
        this.benchmarks = benchmarks;
        this.nightly = nightly;
        this.clock = clock;
    }

    void setOut(PrintStream out) {
        this.out = out;
    }

    public record Scan(String label, String sql, boolean core) {
    }

    public record Figures(LocalDate businessDate, double closeSeconds, double floorSeconds, double coreFloorSeconds,
                          boolean success) {
        public double ratio() {
            return closeSeconds / floorSeconds;
        }
    }

    /** Answers the figures, or null when the benchmark could not run (the reason is printed). */
    public Figures run(LocalDate requested, long bufferPoolMb, boolean rerun) {
        out.printf("数据库：%s%n", jdbc.queryForObject("SELECT VERSION()", String.class));
        if (bufferPoolMb > 0) {
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024 * 1024);
        }
        out.printf("innodb_buffer_pool_size = %d MB%n",
                jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / 1024 / 1024);
        LocalDate d = requested != null ? requested
                : jdbc.queryForObject("SELECT MAX(value_date) FROM ledger_entry", LocalDate.class);
        if (d == null) {
            out.println("数据库中没有台账数据：请先运行 generate");
            return null;
        }
        if (!d.isBefore(clock.today())) {
            out.printf("业务日期 %s 不早于今天 %s，无法结账%n", d, clock.today());
            return null;
        }
        LocalDate previous = d.minusDays(1);
        out.printf("基准测试：业务日期 D = %s（先不计时结账 D−1 = %s）%n", d, previous);

        if (!nightly.isClosed(previous)) {
            LocalDate last = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day", LocalDate.class);
            if (last == null) {
                jdbc.update("INSERT INTO business_day (business_date, job_execution_id, closed_at, accrual_rows, "
                        + "settlement_rows, matched_lines, exceptions_open) VALUES (?, NULL, UTC_TIMESTAMP(6), 0, 0, 0, 0)",
                        Date.valueOf(d.minusDays(2)));
                out.printf("空库：登记 %s 为已结账（仅作起点），使 D−1 成为第一次结账%n", d.minusDays(2));
            } else if (last.isBefore(d.minusDays(2))) {
                out.printf("最后结账日 %s 早于 D−2，结账 D−1 会补结多天：请换业务日期或换库%n", last);
                return null;
            }
            long t0 = System.nanoTime();
            NightlyClose.Outcome warmup = nightly.closeThrough(previous);
            out.printf("结账 D−1（不计时）：%s，%.1f 秒%n", warmup.message(), seconds(t0));
            if (!warmup.success()) {
                return null;
            }
        } else {
            out.printf("D−1 = %s 已结账%n", previous);
        }
        if (nightly.isClosed(d)) {
            if (!rerun) {
                out.printf("业务日期 %s 已结账：加 --rerun 撤销其结账结果后重测%n", d);
                return null;
            }
            undoClose(d);
        }

        List<Scan> scans = floor(d);
        out.println("—— 底线扫描（预热）——");
        scanAll(scans);

        out.printf("—— 结账 D = %s（计时）——%n", d);
        long t0 = System.nanoTime();
        NightlyClose.Outcome outcome = nightly.closeThrough(d);
        double close = seconds(t0);
        out.printf("%s%n", outcome.message());
        printSteps(d);

        out.println("—— 底线扫描（计时）——");
        double[] floor = scanAll(scans);

        Figures f = new Figures(d, close, floor[0], floor[1], outcome.success());
        out.println("—— 结果 ——");
        out.printf("结账 D：%.1f 秒%n", f.closeSeconds());
        out.printf("底线（6 张表各读一次）：%.1f 秒；其中台账、流水、节点+验收、D−1 计息 4 项：%.1f 秒%n", f.floorSeconds(),
                f.coreFloorSeconds());
        out.printf("结账 / 底线 = %.2f（对 4 项底线 %.2f）；目标 ≤ 2 且结账 < 60 秒：%s%n", f.ratio(),
                f.closeSeconds() / f.coreFloorSeconds(),
                f.success() && f.ratio() <= 2 && f.closeSeconds() < 60 ? "达到" : "未达到");
        return f;
    }

    /** One realistic night: D's activity loaded (untimed) after D−1 closed, then the close of D (timed). */
    public record Night(LocalDate businessDate, boolean monthEnd, int ledgerRows, double loadSeconds,
                        double closeSeconds, double incrementalFloorSeconds, boolean success) {
    }

    /**
     * Realistic nights from {@code first}: for each day, loads its activity ({@link DailyActivity}, untimed), closes
     * it (timed), and scans the incremental floor: the day's new rows and the per-position state, read once each.
     * The day before {@code first} must be closed (the {@code benchmark} command's first close does that).
     */
    public List<Night> nights(LocalDate first, int count, int ledgerRows, long bufferPoolMb) throws Exception {
        if (bufferPoolMb > 0) {
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024 * 1024);
        }
        List<Night> nights = new ArrayList<>();
        for (LocalDate d = first; nights.size() < count; d = d.plusDays(1)) {
            if (!d.isBefore(clock.today())) {
                out.printf("业务日期 %s 不早于今天 %s，停止%n", d, clock.today());
                break;
            }
            if (!nightly.isClosed(d.minusDays(1))) {
                out.printf("D−1 = %s 未结账：先用 benchmark --business-date=%s 完成第一次结账%n", d.minusDays(1),
                        d.minusDays(1));
                break;
            }
            if (nightly.isClosed(d)) {
                out.printf("业务日期 %s 已结账：换一个日期%n", d);
                break;
            }
            boolean monthEnd = d.getDayOfMonth() == d.lengthOfMonth();
            DailyActivity.Loaded day = activity.load(d, ledgerRows);
            out.printf("—— 夜间 %s（%s）——%n", d, monthEnd ? "月末，含月度台账打印" : "月中");
            out.printf("  当日新数据（不计时，%.1f 秒）：台账 %,d 行（拨付 %,d、还款 %,d、提款 %,d），流水 %,d 行，验收 %,d 个，"
                            + "新申请 %,d 笔%n", day.seconds(), day.ledgerRows(), day.payments(), day.repayments(),
                    day.drawdowns(), day.lines(), day.verifications(), day.requests());
            long t0 = System.nanoTime();
            NightlyClose.Outcome outcome = nightly.closeThrough(d);
            double close = seconds(t0);
            out.printf("  %s%n", outcome.message());
            printSteps(d);
            out.println("  增量底线（当日新行与各头寸状态各读一次，计时）：");
            double floor = scanAll(incrementalFloor(d, day.firstIds()))[0];
            out.printf("  结账 %s：%.1f 秒（增量底线 %.1f 秒）%n", d, close, floor);
            nights.add(new Night(d, monthEnd, day.ledgerRows(), day.seconds(), close, floor, outcome.success()));
            if (!outcome.success()) {
                break;
            }
        }
        out.println("—— 结果 ——");
        for (Night n : nights) {
            out.printf("  %s %s：台账新行 %,d，结账 %.1f 秒，增量底线 %.1f 秒，目标 %s：%s%n", n.businessDate(),
                    n.monthEnd() ? "月末" : "月中", n.ledgerRows(), n.closeSeconds(), n.incrementalFloorSeconds(),
                    n.monthEnd() ? "< 600 秒" : "< 10 秒",
                    n.success() && n.closeSeconds() < (n.monthEnd() ? 600 : 10) ? "达到" : "未达到");
        }
        return nights;
    }

    /**
     * The floor of an incremental close: the day's new rows of each table it takes in (by id, from the first new
     * one) and the state it continues from, once each: the positions' interest state of D−1, their running totals
     * and the milestone state.
     */
    List<Scan> incrementalFloor(LocalDate d, Map<String, Long> firstIds) {
        String prev = "'" + d.minusDays(1) + "'";
        return List.of(
                new Scan("ledger_entry 当日", "SELECT entry_type, COUNT(*), SUM(amount), SUM(account_effect) "
                        + "FROM ledger_entry WHERE id >= " + firstIds.get("ledger_entry") + " GROUP BY entry_type", true),
                new Scan("bank_statement_line 当日", "SELECT direction, COUNT(*), SUM(amount) FROM bank_statement_line "
                        + "WHERE id >= " + firstIds.get("bank_statement_line") + " GROUP BY direction", true),
                new Scan("verification 当日", "SELECT COUNT(*), MAX(verified_on) FROM milestone_verification "
                        + "WHERE id >= " + firstIds.get("milestone_verification"), true),
                new Scan("disbursement 当日", "SELECT status, COUNT(*), SUM(amount) FROM disbursement WHERE id >= "
                        + firstIds.get("disbursement") + " GROUP BY status", true),
                new Scan("interest_accrual D-1", "SELECT COUNT(*), SUM(principal), SUM(balance_days) "
                        + "FROM interest_accrual WHERE business_date = " + prev, true),
                new Scan("ledger_position_total", "SELECT COUNT(*), SUM(net_paid), SUM(account_effect) "
                        + "FROM ledger_position_total", true),
                new Scan("milestone_project_state", "SELECT COUNT(*) FROM milestone_project_state", true));
    }

    List<Scan> floor(LocalDate d) {
        String day = "'" + d + "'";
        String prev = "'" + d.minusDays(1) + "'";
        return List.of(
                new Scan("ledger_entry", "SELECT entry_type, COUNT(*), SUM(amount), SUM(account_effect) "
                        + "FROM ledger_entry WHERE value_date <= " + day + " GROUP BY entry_type", true),
                new Scan("bank_statement_line", "SELECT direction, COUNT(*), SUM(amount), SUM(balance_after) "
                        + "FROM bank_statement_line WHERE value_date <= " + day + " GROUP BY direction", true),
                new Scan("milestone+verification", "SELECT COUNT(*), COUNT(v.id), SUM(m.cumulative_cap_percent) "
                        + "FROM milestone m LEFT JOIN milestone_verification v ON v.milestone_id = m.id "
                        + "AND v.verified_on <= " + day, true),
                new Scan("interest_accrual D-1", "SELECT COUNT(*), SUM(principal), SUM(balance_days) "
                        + "FROM interest_accrual WHERE business_date = " + prev, true),
                new Scan("disbursement", "SELECT status, COUNT(*), SUM(amount) FROM disbursement "
                        + "WHERE paid_on <= " + day + " GROUP BY status", false),
                new Scan("bank_match", "SELECT method, COUNT(*), COUNT(DISTINCT business_date) FROM bank_match "
                        + "WHERE business_date <= " + day + " GROUP BY method", false));
    }

    /** Answers {all, core} seconds. */
    private double[] scanAll(List<Scan> scans) {
        double all = 0;
        double core = 0;
        for (Scan s : scans) {
            long t0 = System.nanoTime();
            List<Map<String, Object>> rows = jdbc.queryForList(s.sql());
            double took = seconds(t0);
            long n = 0;
            for (Map<String, Object> row : rows) {
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    if (e.getKey().startsWith("COUNT(") && e.getValue() instanceof Number number) {
                        n += number.longValue();
                        break;
                    }
                }
            }
            out.printf("  %-24s %,12d 行  %6.1f 秒%n", s.label(), n, took);
            all += took;
            core += s.core() ? took : 0;
        }
        out.printf("  %-24s %19s %6.1f 秒%n", "合计", "", all);
        return new double[]{all, core};
    }

    private void printSteps(LocalDate d) {
        Long execution = jdbc.queryForObject("SELECT MAX(job_execution_id) FROM business_day WHERE business_date = ?",
                Long.class, Date.valueOf(d));
        if (execution == null) {
            return;
        }
        out.println("  各步骤（作业库记录）：");
        jdbc.query("SELECT STEP_NAME, TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) / 1e6, READ_COUNT, "
                + "WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID",
                rs -> {
                    out.printf("    %-8s %7.1f 秒  读 %,d 写 %,d%n", rs.getString(1), rs.getDouble(2), rs.getLong(3),
                            rs.getLong(4));
                }, execution);
    }

    /** Undoes the close of D so that it can be timed again (benchmark databases only). */
    void undoClose(LocalDate d) {
        out.printf("撤销 %s 的结账结果以便重测%n", d);
        Date day = Date.valueOf(d);
        // the running totals go back to D−1, so the timed close moves them over D's rows like a real night
        IncrementalState.Checkpoint totals = state.checkpoint(IncrementalState.LEDGER_TOTALS);
        if (totals.asOf().equals(d)) {
            benchmarks.moveTotalsBack(totals.lastId(), d);
            jdbc.update("UPDATE close_checkpoint SET as_of = ? WHERE source = ?", Date.valueOf(d.minusDays(1)),
                    IncrementalState.LEDGER_TOTALS);
        }
        // the rows D matched are open again
        jdbc.update("INSERT IGNORE INTO match_open_line (bank_line_id) SELECT bank_line_id FROM bank_match "
                + "WHERE business_date = ?", day);
        jdbc.update("INSERT IGNORE INTO match_open_payment (ledger_entry_id, value_date) SELECT e.id, e.value_date "
                + "FROM bank_match bm JOIN ledger_entry e ON e.id = bm.ledger_entry_id "
                + "WHERE bm.business_date = ? AND e.entry_type = 'PAYMENT'", day);
        jdbc.update("DELETE FROM bank_match WHERE business_date = ?", day);
        jdbc.update("DELETE FROM interest_settlement WHERE settle_date = ?", day);
        jdbc.update("DELETE FROM interest_accrual WHERE business_date = ?", day);
        jdbc.update("DELETE FROM recon_exception WHERE first_seen = ?", day);
        jdbc.update("UPDATE recon_exception SET closed_on = NULL, active_key = CONCAT(rule_code, '|', subject_key), "
                + "status = CASE WHEN status = 'CLOSED' THEN 'OPEN' ELSE status END WHERE closed_on = ?", day);
        jdbc.update("UPDATE recon_exception SET last_seen = ? WHERE last_seen = ?", Date.valueOf(d.minusDays(1)), day);
        jdbc.update("DELETE FROM business_day WHERE business_date = ?", day);
        List<Long> instances = new ArrayList<>(jdbc.queryForList("SELECT DISTINCT e.JOB_INSTANCE_ID "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?", Long.class, d.toString()));
        for (Long instance : instances) {
            String executions = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = " + instance;
            jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID "
                    + "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + "))");
            jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + executions + ")");
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?", instance);
            jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", instance);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
