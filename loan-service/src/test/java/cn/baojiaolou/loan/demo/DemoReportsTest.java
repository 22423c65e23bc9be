package cn.baojiaolou.loan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.report.ReportContext;
import cn.baojiaolou.loan.report.ReportService;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.reports.PdfChecks;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportKind;

/**
 * All five reports render from the demo data (零陵区, from the seed documents) with the seed's figures: 零陵 allocated
 * ¥170.36m over 16 projects, 吾悦华府 ¥56.5m with 565 homes delivered.
 */
@DatabaseTest
class DemoReportsTest {

    private static final LocalDate DAY = LocalDate.of(2023, 12, 31);

    @Autowired
    ReportService reports;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;

    /** Loads the demo once into the shared test database (the loader skips a database that has it). */
    @BeforeAll
    static void demo(@Autowired AutowireCapableBeanFactory beans) {
        beans.createBean(DemoDataLoader.class).run(null);
    }

    private String render(ReportKind kind, String project, LocalDate from, String district) throws Exception {
        RenderedPdf pdf = fx.as(fx.cityUser(Role.AUDITOR), () -> {
            ReportContext c = reports.context(kind, new ReportService.ReportQuery(project, DAY, from, null, district),
                    Locale.SIMPLIFIED_CHINESE);
            return reports.render(c);
        });
        assertThat(PdfChecks.pages(pdf.bytes())).isEqualTo(pdf.pages());
        // for a person to look at: every page of the five reports as PNG (README, "Reports")
        PdfChecks.png(pdf.bytes(), Path.of("target/report-png"), kind.slug(), 100);
        return PdfChecks.text(pdf.bytes());
    }

    @Test
    void theLedgerOfWuyueHuafu() throws Exception {
        String text = render(ReportKind.PROJECT_LEDGER, "LL-01", null, null);

        assertThat(text).contains("项目：LL-01  吾悦华府", "零陵区财政局", "565 / 565", "5,650.00")
                .contains("分配合计 56,500,000.00 元");
        // people by their 姓名, never their login; each payment in 人民币大写 too
        assertThat(PdfChecks.compact(text)).contains("李会计", "王复核", "金额（人民币大写）")
                .doesNotContain("accountant", "reviewer");
        assertThat(PdfChecks.compact(text)).containsPattern("[壹贰叁肆伍陆柒捌玖][拾佰仟万]\\S*元");
        String paid = jdbc.queryForObject("SELECT FORMAT(SUM(CASE entry_type WHEN 'PAYMENT' THEN amount ELSE -amount END), 2) "
                + "FROM ledger_entry le JOIN project p ON p.id = le.project_id WHERE p.code = 'LL-01' "
                + "AND entry_type IN ('PAYMENT','PAYMENT_REVERSAL') AND value_date <= '2023-12-31'", String.class);
        assertThat(text).contains("拨付合计 " + paid + " 元");
    }

    @Test
    void theSummaryOfLinglingCarriesTheSeedFigures() throws Exception {
        String text = render(ReportKind.SUMMARY, null, null, "零陵区");

        // 170,360,000.00 元 = 17,036.00 万元 over 16 projects
        assertThat(text).contains("零陵区 16 0 17,036.00", "分配 170,360,000.00 元", "专项借款汇总表");
    }

    @Test
    void theOtherThreeReportsRender() throws Exception {
        assertThat(render(ReportKind.EXCEPTIONS, null, null, "零陵区")).contains("对账异常日报", "严重程度：严重");
        assertThat(PdfChecks.compact(render(ReportKind.DISBURSEMENT_AUDIT, null, LocalDate.of(2023, 1, 1), "零陵区")))
                .contains("资金拨付审计报告", "吾悦华府", "区县：零陵区");
        String schedule = render(ReportKind.REPAYMENT_SCHEDULE, null, null, "零陵区");
        assertThat(schedule).contains("还款计划及逾期表", "LL-01", "LL-16");
        assertThat(List.of(schedule.split("\n"))).filteredOn(l -> l.startsWith("LL-")).hasSize(16);
    }
}
