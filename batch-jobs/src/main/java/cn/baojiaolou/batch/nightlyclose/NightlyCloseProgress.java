package cn.baojiaolou.batch.nightlyclose;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;

/** One progress line per step on standard output, for cron logs and people watching a catch-up. */
@Component
public class NightlyCloseProgress implements StepExecutionListener {

    private final PrintStream out = System.out;

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        Duration took = start == null ? Duration.ZERO : Duration.between(start, LocalDateTime.now());
        out.printf("  [%s] %-6s %s 读 %d 写 %d 用时 %.1f 秒%n",
                step.getJobParameters().getLocalDate(NightlyCloseJobConfig.BUSINESS_DATE), step.getStepName(),
                step.getStatus(), step.getReadCount(), step.getWriteCount(), took.toMillis() / 1000.0);
        return step.getExitStatus();
    }

    public void note(String line) {
        out.println("         " + line);
    }
}
