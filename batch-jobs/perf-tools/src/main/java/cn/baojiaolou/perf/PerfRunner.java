package cn.baojiaolou.perf;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The command line of the performance tools (docs/BENCHMARKS.md):
 * <pre>
 *   generate [--scale=1.0] [--through=YYYY-MM-DD] [--buffer-pool-mb=N]  fill the database with generated data
 *   benchmark [--business-date=YYYY-MM-DD] [--buffer-pool-mb=N] [--rerun]   time the close of D against the floor
 *   report-benchmark [--rows=10000] [--business-date=YYYY-MM-DD]   time a 台账 of N rows, and D's month-end print
 *   night-benchmark --business-date=YYYY-MM-DD [--nights=2] [--ledger-rows=7000] [--buffer-pool-mb=N]
 *                   realistic nights from D: each day's activity loaded after the day before closed, then its close
 * </pre>
 * Every command first checks that the database holds generated data only ({@link GeneratedDataOnly}). The server's
 * buffer pool is resized (SET GLOBAL) only when --buffer-pool-mb asks for it. Exit code 0 on success, 1 on failure
 * or refusal, 2 on a usage error.
 */
@Component
public class PerfRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NationalScaleGenerator generator;
    private final NightlyCloseBenchmark benchmark;
    private final ReportBenchmark reportBenchmark;
    private final GeneratedDataOnly guard;
    private int exitCode;

    public PerfRunner(NationalScaleGenerator generator, NightlyCloseBenchmark benchmark,
                      ReportBenchmark reportBenchmark, GeneratedDataOnly guard) {
        this.generator = generator;
        this.benchmark = benchmark;
        this.reportBenchmark = reportBenchmark;
        this.guard = guard;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            return; // started without a command (e.g. by tests): nothing to do
        }
        String command = words.get(0);
        if (!List.of("generate", "benchmark", "report-benchmark", "night-benchmark").contains(command)) {
            exitCode = usage("未知命令：" + command);
            return;
        }
        String refusal = guard.refusal();
        if (refusal != null) {
            System.out.println(refusal);
            exitCode = 1;
            return;
        }
        switch (command) {
            case "generate" -> exitCode = generate(option(args, "scale"), option(args, "through"),
                    option(args, "buffer-pool-mb"));
            case "benchmark" -> exitCode = benchmark(option(args, "business-date"), option(args, "buffer-pool-mb"),
                    args.containsOption("rerun"));
            case "night-benchmark" -> exitCode = nights(option(args, "business-date"), option(args, "nights"),
                    option(args, "ledger-rows"), option(args, "buffer-pool-mb"));
            default -> exitCode = reportBenchmark(option(args, "rows"), option(args, "business-date"));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int generate(String scale, String through, String bufferPoolMb) throws java.sql.SQLException {
        double s;
        LocalDate end;
        long mb;
        try {
            mb = bufferPoolMb == null ? 0 : Long.parseLong(bufferPoolMb);
            s = scale == null ? 1.0 : Double.parseDouble(scale);
            end = through == null ? null : LocalDate.parse(through);
        } catch (NumberFormatException | DateTimeParseException e) {
            return usage("参数格式错误：--scale=小数，--through=YYYY-MM-DD，--buffer-pool-mb=整数");
        }
        if (!(s > 0) || s > 100) {
            return usage("--scale 应在 (0, 100] 之间：" + scale);
        }
        try {
            NationalScaleGenerator.Result r = generator.generate(s, end, mb);
            System.out.printf("生成完成（GEN-%s）：项目 %,d，节点 %,d（已验收 %,d），台账 %,d，拨付 %,d，还款 %,d，流水 %,d，"
                    + "共 %,d 行，用时 %d 秒%n", r.tag(), r.projects(), r.milestones(), r.verifications(), r.ledgerRows(),
                    r.disbursements(), r.repayments(), r.bankLines(), r.total(), r.seconds());
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int benchmark(String date, String bufferPoolMb, boolean rerun) {
        LocalDate d;
        long mb;
        try {
            d = date == null ? null : LocalDate.parse(date);
            mb = bufferPoolMb == null ? 0 : Long.parseLong(bufferPoolMb);
        } catch (NumberFormatException | DateTimeParseException e) {
            return usage("参数格式错误：--business-date=YYYY-MM-DD，--buffer-pool-mb=整数");
        }
        NightlyCloseBenchmark.Figures f = benchmark.run(d, mb, rerun);
        return f != null && f.success() ? 0 : 1;
    }

    private int nights(String date, String nights, String ledgerRows, String bufferPoolMb) throws Exception {
        LocalDate d;
        int n;
        int rows;
        long mb;
        try {
            d = LocalDate.parse(date == null ? "" : date);
            n = nights == null ? 2 : Integer.parseInt(nights);
            rows = ledgerRows == null ? 7_000 : Integer.parseInt(ledgerRows);
            mb = bufferPoolMb == null ? 0 : Long.parseLong(bufferPoolMb);
        } catch (NumberFormatException | DateTimeParseException e) {
            return usage("参数格式错误：--business-date=YYYY-MM-DD（必填），--nights=整数，--ledger-rows=整数，--buffer-pool-mb=整数");
        }
        if (n < 1 || rows < 20) {
            return usage("--nights 至少 1，--ledger-rows 至少 20");
        }
        List<NightlyCloseBenchmark.Night> done = benchmark.nights(d, n, rows, mb);
        return done.size() == n && done.stream().allMatch(NightlyCloseBenchmark.Night::success) ? 0 : 1;
    }

    private int reportBenchmark(String rows, String date) throws Exception {
        try {
            reportBenchmark.renderLedger(rows == null ? 10_000 : Integer.parseInt(rows));
            if (date != null) {
                reportBenchmark.monthEnd(LocalDate.parse(date));
            }
            return 0;
        } catch (NumberFormatException | DateTimeParseException e) {
            return usage("参数格式错误：--rows=整数，--business-date=YYYY-MM-DD");
        }
    }

    private int usage(String problem) {
        System.out.println(problem);
        System.out.println("""
                用法（只用于只含生成数据的专用数据库）：
                  java -jar batch-jobs/perf-tools/target/perf-tools.jar generate [--scale=1.0] [--through=YYYY-MM-DD] [--buffer-pool-mb=N]
                  java -jar batch-jobs/perf-tools/target/perf-tools.jar benchmark [--business-date=YYYY-MM-DD] [--buffer-pool-mb=N] [--rerun]
                  java -Xmx256m -jar batch-jobs/perf-tools/target/perf-tools.jar report-benchmark [--rows=10000] [--business-date=YYYY-MM-DD]
                  java -jar batch-jobs/perf-tools/target/perf-tools.jar night-benchmark --business-date=YYYY-MM-DD [--nights=2] [--ledger-rows=7000] [--buffer-pool-mb=N]""");
        return 2;
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
