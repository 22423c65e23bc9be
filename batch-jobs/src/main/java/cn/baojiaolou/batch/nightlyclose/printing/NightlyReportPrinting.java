package cn.baojiaolou.batch.nightlyclose.printing;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.baojiaolou.batch.nightlyclose.NightlyCloseJobConfig.NightlyReportPrinter;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.loan.report.ReportArchive;
import cn.baojiaolou.loan.report.ReportContext;
import cn.baojiaolou.loan.report.ReportMapper;
import cn.baojiaolou.loan.report.ReportService;
import cn.baojiaolou.loan.user.SystemPrincipal;
import cn.baojiaolou.reports.ReportKind;

/**
 * Step 5 of the nightly close: prints 对账异常日报 and 专项借款汇总表 for D (city-wide) and, at month end, the
 * 月度台账 of every project with a movement in the month or a principal balance (the full-history 台账 stays on
 * demand), into the report archive. The same data gives the same bytes, so a rerun or a restart after a kill
 * archives nothing new. The 台账 render in parallel; project ids are read by keyset, a page at a time.
 */
@Component
public class NightlyReportPrinting implements NightlyReportPrinter {

    private static final Logger log = LoggerFactory.getLogger(NightlyReportPrinting.class);
    private static final int PAGE = 500;

    private final ReportService reports;
    private final ReportArchive archive;
    private final ReportMapper mapper;
    private final ProjectMapper projects;
    private final int threads;

    NightlyReportPrinting(ReportService reports, ReportArchive archive, ReportMapper mapper, ProjectMapper projects,
                          @Value("${loan.reports.print-threads}") int threads) {
        this.reports = reports;
        this.archive = archive;
        this.mapper = mapper;
        this.projects = projects;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Prints as the system principal, whoever calls: the nightly print is no person's download. */
    @Override
    public int print(LocalDate businessDate) throws Exception {
        return SystemPrincipal.call(() -> printAsSystem(businessDate));
    }

    private int printAsSystem(LocalDate businessDate) throws Exception {
        int printed = 0;
        for (ReportKind kind : List.of(ReportKind.EXCEPTIONS, ReportKind.SUMMARY)) {
            printed += printOne(reports.nightlyContext(kind, businessDate, null));
        }
        if (businessDate.equals(businessDate.with(TemporalAdjusters.lastDayOfMonth()))) {
            printed += printLedgers(businessDate);
        }
        return printed;
    }

    /** The 月度台账 of D's month, in parallel; answers how many. Also timed by the report benchmark. */
    public int printLedgers(LocalDate businessDate) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int printed = 0;
        try {
            long after = 0;
            while (true) {
                List<Long> ids = mapper.monthlyProjectIdsAfter(after, businessDate.withDayOfMonth(1), businessDate,
                        PAGE);
                if (ids.isEmpty()) {
                    break;
                }
                List<Future<Integer>> page = new ArrayList<>(ids.size());
                for (long id : ids) {
                    // each render thread acts as the system principal too (security contexts are per thread)
                    page.add(pool.submit(() -> SystemPrincipal.call(() -> printOne(reports.nightlyContext(
                            ReportKind.MONTHLY_LEDGER, businessDate, projects.findById(id))))));
                }
                for (Future<Integer> f : page) {
                    printed += f.get();
                }
                after = ids.get(ids.size() - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("月末台账 {} 份，用时 {} ms（{} 线程）", printed, (System.nanoTime() - started) / 1_000_000, threads);
        return printed;
    }

    private int printOne(ReportContext context) {
        archive.store(context, reports.render(context), ReportArchive.NIGHTLY);
        return 1;
    }
}
