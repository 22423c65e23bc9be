package cn.baojiaolou.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;





/** The report benchmark, small: a 台账 of N rows renders to the pages it should, and the command exits 0. */
@PerfDatabaseTest
class ReportBenchmarkTest {

    @Autowired
    ReportBenchmark benchmark;
    @Autowired
    PerfRunner runner;

    @Test
    void aLedgerOfNRowsRendersOnManyPages() {
        assertThat(ReportBenchmark.ledger(120).rowCount()).isEqualTo(120);

        ReportBenchmark.RenderFigures figures = benchmark.renderLedger(120);

        // 120 payment rows at about 20 a page, plus the totals and signature lines
        assertThat(figures.pages()).isBetween(5, 9);
        assertThat(figures.bytes()).isPositive();
        assertThat(figures.peakHeapMb()).isPositive();
    }

    @Test
    void theCommandExitsZeroAndBadNumbersAreAUsageError() throws Exception {
        runner.run(new DefaultApplicationArguments("report-benchmark", "--rows=30"));
        assertThat(runner.getExitCode()).isZero();
        runner.run(new DefaultApplicationArguments("report-benchmark", "--rows=many"));
        assertThat(runner.getExitCode()).isEqualTo(2);
    }
}
