package cn.baojiaolou.loan.batchrun;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recent nightly-close runs with their step counts, read from Spring Batch's tables (API and page). */
@Component
class BatchRuns {

    private final JdbcTemplate jdbc;

    BatchRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<BatchRun> recent(int limit) {
        return before(null, limit);
    }

    /** Runs older than the execution {@code beforeId} (null: the newest), newest first: a keyset page. */
    List<BatchRun> before(Long beforeId, int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        Map<Long, BatchRun> runs = new LinkedHashMap<>();
        jdbc.query("SELECT e.JOB_EXECUTION_ID, p.PARAMETER_VALUE, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' WHERE i.JOB_NAME = 'nightlyClose' "
                + "AND e.JOB_EXECUTION_ID < ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", rs -> {
                    LocalDateTime start = time(rs.getTimestamp(5));
                    LocalDateTime end = time(rs.getTimestamp(6));
                    String date = rs.getString(2);
                    runs.put(rs.getLong(1), new BatchRun(rs.getLong(1),
                            date == null ? null : java.time.LocalDate.parse(date), rs.getString(3), rs.getString(4),
                            start, end, millis(start, end), new ArrayList<>()));
                }, beforeId == null ? Long.MAX_VALUE : beforeId, bounded);
        if (runs.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", runs.keySet().stream().map(String::valueOf).toList());
        // ids are numbers read from the database above, not user input
        jdbc.query("SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, START_TIME, END_TIME "
                + "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + ids + ") ORDER BY STEP_EXECUTION_ID",
                rs -> {
                    LocalDateTime start = time(rs.getTimestamp(6));
                    LocalDateTime end = time(rs.getTimestamp(7));
                    runs.get(rs.getLong(1)).steps().add(new BatchRun.Step(rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5), millis(start, end)));
                });
        return List.copyOf(runs.values());
    }

    /**
     * Spring Batch writes its times as the batch JVM's local time; the API's times are UTC, so they are converted
     * here (the runner and the service run on the same machine, in the same zone).
     */
    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().atZone(java.time.ZoneId.systemDefault())
                .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
    }

    private static Long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }
}
