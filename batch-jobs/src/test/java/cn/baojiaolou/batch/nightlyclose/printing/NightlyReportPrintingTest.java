package cn.baojiaolou.batch.nightlyclose.printing;

import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Fixtures;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.batch.BatchJobsApplication;
import cn.baojiaolou.batch.nightlyclose.NightlyClose;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.report.ArchivedReport;
import cn.baojiaolou.loan.report.ReportArchive;
import cn.baojiaolou.reports.PdfChecks;
import cn.baojiaolou.reports.ReportNumbers;

/**
 * The print step: every night 对账异常日报 and 专项借款汇总表, at month end every project's 台账, archived with their
 * SHA-256; printing the same day again archives nothing new.
 */
@SpringBootTest(classes = BatchJobsApplication.class)
@Import(BatchFixtures.class)
class NightlyReportPrintingTest {

    private static final LocalDate MONTH_END = LocalDate.of(2024, 3, 31);

    @Autowired
    BatchFixtures fx;
    @Autowired
    NightlyClose nightly;
    @Autowired
    NightlyReportPrinting printing;
    @Autowired
    ReportArchive archive;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.Ready ready;
    Fixtures.Ready idle;

    @BeforeEach
    void scenario() {
        fx.resetNightlyTables();
        ready = fx.ready(yuan("1000000.00"));
        idle = fx.ready(yuan("500000.00"));
        fx.verify(ready.project(), ready.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(ready.project(), ready.payee(), ready.restart(), yuan("150000.00"), LocalDate.of(2024, 3, 1),
                Fixtures.code("PZ"));
        // the first close: the day before is taken as closed
        jdbc.update("INSERT INTO business_day (business_date, job_execution_id, closed_at, accrual_rows, "
                + "settlement_rows, matched_lines, exceptions_open) VALUES ('2024-03-29', NULL, UTC_TIMESTAMP(6), "
                + "0, 0, 0, 0)");
    }

    @Test
    void theDailyReportsEveryNightAndEveryLedgerAtMonthEnd() throws Exception {
        NightlyClose.Outcome outcome = nightly.closeThrough(MONTH_END);
        assertThat(outcome.success()).as(outcome.message()).isTrue();

        assertThat(nightlyTypes(LocalDate.of(2024, 3, 30))).containsExactlyInAnyOrder("exceptions", "summary");
        // the 月度台账 of the projects with money drawn (a movement in March or a balance); not the idle ones
        long projects = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT project_id FROM ledger_entry "
                + "WHERE project_id IS NOT NULL AND value_date <= '2024-03-31' GROUP BY project_id "
                + "HAVING SUM(value_date >= '2024-03-01') > 0 OR SUM(CASE entry_type WHEN 'PAYMENT' THEN amount "
                + "WHEN 'PAYMENT_REVERSAL' THEN -amount WHEN 'PROJECT_REPAYMENT' THEN -principal ELSE 0 END) <> 0) x",
                Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_archive WHERE business_date = '2024-03-31' "
                + "AND report_type = 'monthly-ledger' AND source = 'NIGHTLY'", Long.class)).isEqualTo(projects)
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_archive WHERE business_date = '2024-03-31' "
                + "AND parameters = ?", Long.class, "monthly-ledger|2024-03-31|lang=zh|project=" + idle.project().code()))
                .isZero();
        assertThat(nightlyTypes(MONTH_END)).contains("exceptions", "summary", "monthly-ledger")
                .doesNotContain("project-ledger");

        Map<String, Object> mine = jdbc.queryForMap("SELECT sha256, file_path FROM report_archive "
                + "WHERE business_date = '2024-03-31' AND parameters = ?",
                "monthly-ledger|2024-03-31|lang=zh|project=" + ready.project().code());
        byte[] pdf = Files.readAllBytes(fx.as(fx.cityUser(Role.AUDITOR), archive::directory).resolve((String) mine.get("file_path")));
        assertThat(ReportNumbers.sha256Hex(pdf)).isEqualTo(mine.get("sha256"));
        assertThat(PdfChecks.text(pdf)).contains("项目：" + ready.project().code(), "业务日期：2024-03-31",
                "项目专项借款月度台账");
        ArchivedReport row = fx.as(fx.cityUser(Role.AUDITOR), () -> archive.find((String) mine.get("sha256")));
        assertThat(row.createdBy()).isEqualTo("system");
        assertThat(row.pages()).isEqualTo(PdfChecks.pages(pdf));
    }

    @Test
    void printingTheSameDayAgainArchivesNothingNew() throws Exception {
        assertThat(nightly.closeThrough(MONTH_END).success()).isTrue();
        long archived = jdbc.queryForObject("SELECT COUNT(*) FROM report_archive", Long.class);
        long audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

        // what a restart after a kill in the print step does: print D again
        int printed = printing.print(MONTH_END);

        assertThat(printed).isGreaterThan(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_archive", Long.class)).isEqualTo(archived);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(audits);
    }

    private List<String> nightlyTypes(LocalDate day) {
        return jdbc.queryForList("SELECT DISTINCT report_type FROM report_archive WHERE business_date = ? "
                + "AND source = 'NIGHTLY'", String.class, day);
    }
}
