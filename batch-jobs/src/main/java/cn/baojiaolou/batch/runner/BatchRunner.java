package cn.baojiaolou.batch.runner;

import cn.baojiaolou.batch.nightlyclose.NightlyClose;
import cn.baojiaolou.loan.bankstatement.BankStatementImporter;
import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException;
import cn.baojiaolou.loan.bankstatement.ImportResult;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.user.SystemPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;

/**
 * The command line of the batch runner:
 * <pre>
 *   nightly [--business-date=YYYY-MM-DD]          close D (default yesterday, Asia/Shanghai), catching up
 *   import-statement FILE --account=FACILITY       import a 专户 statement (CSV or XLSX)
 *   scheduler [--cron="0 0 2 * * *"]              stay up and close yesterday on the cron (Asia/Shanghai)
 * </pre>
 * Exit code 0 on success, 1 on failure, 2 on a usage error. The benchmark tools (generate, benchmark,
 * report-benchmark) are not here: they are batch-jobs/perf-tools, a jar of their own.
 */
@Component
public class BatchRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NightlyClose nightly;
    private final BankStatementImporter importer;
    private final MessageSource messages;
    private final String defaultCron;
    private final PrintStream out = System.out;
    private int exitCode;

    public BatchRunner(NightlyClose nightly, BankStatementImporter importer, MessageSource messages,
                       @Value("${loan.nightly.cron:0 0 2 * * *}") String defaultCron) {
        this.nightly = nightly;
        this.importer = importer;
        this.messages = messages;
        this.defaultCron = defaultCron;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            return; // started without a command (e.g. by tests): nothing to do
        }
        switch (words.get(0)) {
            case "nightly" -> exitCode = nightly(option(args, "business-date"));
            case "import-statement" -> exitCode = importStatement(words, option(args, "account"));
            case "scheduler" -> scheduler(option(args, "cron"));
            default -> exitCode = usage("未知命令：" + words.get(0));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int nightly(String date) {
        LocalDate d;
        try {
            d = date == null ? nightly.yesterday() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return usage("业务日期格式应为 YYYY-MM-DD：" + date);
        }
        long started = System.nanoTime();
        NightlyClose.Outcome outcome = nightly.closeThrough(d);
        out.println("—— 结账汇总 ——");
        for (NightlyClose.DayResult day : outcome.days()) {
            out.printf("  %s  %-9s %.1f 秒%n", day.businessDate(), day.status(), day.took().toMillis() / 1000.0);
        }
        out.printf("%s（总用时 %.1f 秒）%n", outcome.message(), Duration.ofNanos(System.nanoTime() - started)
                .toMillis() / 1000.0);
        return outcome.success() ? 0 : 1;
    }

    private int importStatement(List<String> words, String account) throws Exception {
        if (words.size() < 2 || account == null) {
            return usage("用法：import-statement FILE --account=借款批次编号或专户账号");
        }
        Path file = Path.of(words.get(1));
        if (!Files.isReadable(file)) {
            return usage("文件不存在或不可读：" + file);
        }
        try {
            byte[] content = Files.readAllBytes(file);
            // the runner imports as the system principal; the audit trail and the import row name it
            ImportResult r = SystemPrincipal.call(() -> importer.importStatement(account,
                    file.getFileName().toString(), content));
            out.printf("导入完成：专户 %s，文件 %s（%s），共 %d 行，新导入 %d 行，已导入过而跳过 %d 行（导入批次 %d）%n",
                    r.account(), r.fileName(), r.encoding(), r.linesTotal(), r.imported(), r.skipped(), r.importId());
            if (r.held() > 0 || r.courtFlagged() > 0) {
                out.printf("格式 %s；疑似重复暂存待确认 %d 行；摘要含司法字样 %d 行%n", r.layout(), r.held(),
                        r.courtFlagged());
            }
            return 0;
        } catch (BankStatementInvalidException e) {
            out.printf("文件有 %d 行错误，未导入任何数据：%n", e.lines().size());
            for (BankStatementInvalidException.LineProblem p : e.resolve(this::chinese)) {
                out.printf("  第 %d 行：%s%n", p.line(), p.reason());
            }
            return 1;
        } catch (Refusal e) {
            out.println("导入失败：" + chinese(e.messageKey(), e.args()));
            return 1;
        }
    }

    private String chinese(String key, Object[] args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    private void scheduler(String cron) throws InterruptedException {
        ScheduledClose scheduled = schedule(cron);
        out.printf("定时结账已启动：cron \"%s\"（Asia/Shanghai），每次结账至前一天%n", scheduled.trigger().getExpression());
        new CountDownLatch(1).await();
    }

    /** The scheduler mode's schedule: the trigger, and the close of yesterday it runs. */
    record ScheduledClose(ThreadPoolTaskScheduler scheduler, CronTrigger trigger, ScheduledFuture<?> future) {
    }

    /** Schedules the close of yesterday on {@code cron} (default {@code loan.nightly.cron}), in Asia/Shanghai. */
    ScheduledClose schedule(String cron) {
        CronTrigger trigger = new CronTrigger(cron == null ? defaultCron : cron,
                TimeZone.getTimeZone(BusinessClock.SHANGHAI));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("nightly-close-");
        scheduler.initialize();
        return new ScheduledClose(scheduler, trigger, scheduler.schedule(() -> nightly(null), trigger));
    }

    private int usage(String problem) {
        out.println(problem);
        out.println("""
                用法：
                  java -jar batch-jobs/target/batch-jobs-exec.jar nightly [--business-date=YYYY-MM-DD]
                  java -jar batch-jobs/target/batch-jobs-exec.jar import-statement FILE --account=借款批次编号
                  java -jar batch-jobs/target/batch-jobs-exec.jar scheduler [--cron="0 0 2 * * *"]
                基准测试工具（generate、benchmark、report-benchmark）不在生产运行器中，见 batch-jobs/perf-tools""");
        return 2;
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
