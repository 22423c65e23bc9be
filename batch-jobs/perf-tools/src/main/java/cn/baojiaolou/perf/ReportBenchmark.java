package cn.baojiaolou.perf;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.baojiaolou.batch.nightlyclose.printing.NightlyReportPrinting;
import cn.baojiaolou.reports.PdfReportRenderer;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportColumn;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportNumbers;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;

/**
 * The reports' benchmark (docs/BENCHMARKS.md): a 台账 of N payment rows rendered to PDF, with the JVM's peak heap
 * (run it with -Xmx256m to prove the bound), then the month-end print of every project's 台账 on the generated
 * data, as time per 1,000 projects.
 */
@Component
public class ReportBenchmark {

    private final NightlyReportPrinting printing;
    private final JdbcTemplate jdbc;
    private final PrintStream out = System.out;

    public ReportBenchmark(NightlyReportPrinting printing, JdbcTemplate jdbc) {
        this.printing = printing;
        this.jdbc = jdbc;
    }

    /** The last timed render: pages, bytes, seconds and the heap's peak. */
    public record RenderFigures(int rows, int pages, int bytes, double seconds, long peakHeapMb) {
    }

    public RenderFigures renderLedger(int rows) {
        ReportDocument document = ledger(rows);
        PdfReportRenderer renderer = new PdfReportRenderer();
        // one untimed render first: class loading, font parsing and the JIT, as in a service that has run a while
        renderer.render(document, Locale.SIMPLIFIED_CHINESE);
        RenderFigures figures = null;
        for (int run = 1; run <= 3; run++) {
            System.gc();
            resetPeaks();
            long started = System.nanoTime();
            RenderedPdf pdf = renderer.render(document, Locale.SIMPLIFIED_CHINESE);
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf("台账 %,d 行（第 %d 次）：%,d 页，%,d 字节，渲染 %.2f 秒，堆峰值 %d MB（-Xmx %d MB）%n", rows, run,
                    pdf.pages(), pdf.bytes().length, millis / 1000.0, peakHeapMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
            figures = new RenderFigures(rows, pdf.pages(), pdf.bytes().length, millis / 1000.0, peakHeapMb());
        }
        return figures;
    }

    public void monthEnd(LocalDate businessDate) throws Exception {
        long projects = jdbc.queryForObject("SELECT COUNT(DISTINCT project_id) FROM allocation WHERE approved_on <= ?",
                Long.class, businessDate);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE project_id IS NOT NULL "
                + "AND value_date <= ?", Long.class, businessDate);
        long started = System.nanoTime();
        int printed = printing.printLedgers(businessDate);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("月末台账 %s：%,d 个项目（%,d 条项目分录），打印 %,d 份，用时 %.1f 秒，每 1,000 个项目 %.1f 秒%n",
                businessDate, projects, rows, printed, seconds, printed == 0 ? 0 : seconds * 1000 / printed);
    }

    /** A 台账 of {@code rows} payments: the payments section is what grows with a project's history. */
    static ReportDocument ledger(int rows) {
        List<List<Object>> lines = new ArrayList<>(rows);
        BigDecimal paid = new BigDecimal("0.00");
        for (int i = 1; i <= rows; i++) {
            BigDecimal amount = new BigDecimal(10_000 + (i % 997) * 13).setScale(2);
            paid = paid.add(amount);
            lines.add(List.of(LocalDate.of(2023, 1, 1).plusDays(i % 700), "PZ-2023-" + i, "湖南建工集团有限公司",
                    "工程款", "主体结构封顶", amount, "李会计", "王复核", "已匹配（凭证号）", paid));
        }
        ReportSection payments = new ReportSection("disbursements", ReportText.of("section.disbursements"),
                List.of(ReportColumn.date("col.paidOn"), ReportColumn.text("col.voucher"),
                        ReportColumn.text("col.payee"), ReportColumn.text("col.purpose"),
                        ReportColumn.text("col.milestone"), ReportColumn.wanYuan("col.amount"),
                        ReportColumn.text("col.maker"), ReportColumn.text("col.checker"),
                        ReportColumn.text("col.bankMatch"), ReportColumn.wanYuan("col.paidToDate")),
                lines, Arrays.asList("合计", null, null, null, null, paid, null, null, null, null));
        LocalDate day = LocalDate.of(2024, 12, 31);
        String number = ReportNumbers.derive(ReportKind.PROJECT_LEDGER, day, Map.of("project", "BENCH-" + rows));
        return new ReportDocument(new ReportHeader(ReportKind.PROJECT_LEDGER, "基准测试区财政局", day,
                day + " 日终（北京时间 24:00）", number, ReportText.literal("项目：BENCH  基准测试项目"), List.of()),
                List.of(payments));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
