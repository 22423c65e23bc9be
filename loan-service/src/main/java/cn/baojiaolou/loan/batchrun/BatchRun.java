package cn.baojiaolou.loan.batchrun;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One run of the nightly close, read from the Spring Batch job repository. */
public record BatchRun(long executionId, LocalDate businessDate, String status, String exitCode,
                       LocalDateTime startTime, LocalDateTime endTime, Long durationMillis, List<Step> steps) {

    public record Step(String name, String status, long readCount, long writeCount, Long durationMillis) {
    }
}
