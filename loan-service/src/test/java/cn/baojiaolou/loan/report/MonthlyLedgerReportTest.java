package cn.baojiaolou.loan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.reports.PdfChecks;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportKind;

/**
 * 月度台账 figures checked by hand. Facility at 3.6 % a year (积数 × 0.036 / 360); the project draws 150,000.00 on
 * 2023-03-10 and 50,000.00 on 2023-03-20 (a 结息日).
 *
 * March: 积数 = 10 days (03-10…03-19) × 150,000 + 12 days (03-20…03-31) × 200,000 = 1,500,000 + 2,400,000
 * = 3,900,000.00 元·天; interest 3,900,000 × 0.036 / 360 = 390.00 元. Settled on 03-20: the period 03-10…03-20,
 * 1,500,000 + 200,000 = 1,700,000 元·天 → 170.00 元, unpaid at the month's end.
 * April: no movement; 30 days × 200,000 = 6,000,000.00 元·天 → 600.00 元.
 */
@DatabaseTest
class MonthlyLedgerReportTest {

    @Autowired
    Fixtures fx;
    @Autowired
    MonthlyLedgerReport report;
    @Autowired
    ReportService reports;

    Fixtures.Ready here;

    @BeforeEach
    void project() {
        here = fx.ready(new BigDecimal("1000000.00"));
        Milestone resumed = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        fx.paid(here.code(), here.payee(), resumed, new BigDecimal("150000.00"), LocalDate.of(2023, 3, 10));
        fx.paid(here.code(), here.payee(), resumed, new BigDecimal("50000.00"), LocalDate.of(2023, 3, 20));
    }

    @Test
    void marchOpeningPlusMovementsIsClosingAndTheInterestIsToTheFen() {
        MonthlyLedgerReport.Month m = fx.as(fx.cityUser(Role.AUDITOR),
                () -> report.month(here.project(), LocalDate.of(2023, 3, 31)));

        assertThat(m.first()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(m.movements()).hasSize(2);
        assertBalance(m.paid(), "0.00", "200000.00", "0.00", "200000.00");
        assertBalance(m.principal(), "0.00", "200000.00", "0.00", "200000.00");
        assertBalance(m.interestDue(), "0.00", "170.00", "0.00", "170.00");
        assertThat(m.facilities()).singleElement().satisfies(f -> {
            assertThat(f.balanceDays()).isEqualByComparingTo("3900000.00");
            assertThat(f.interest()).isEqualByComparingTo("390.00");
            assertThat(f.settled()).isEqualByComparingTo("170.00");
            assertThat(f.paid()).isEqualByComparingTo("0.00");
        });
    }

    @Test
    void aMonthWithoutMovementCarriesTheBalanceAndAccruesOnIt() {
        MonthlyLedgerReport.Month m = fx.as(fx.cityUser(Role.AUDITOR),
                () -> report.month(here.project(), LocalDate.of(2023, 4, 30)));

        assertThat(m.movements()).isEmpty();
        assertBalance(m.principal(), "200000.00", "0.00", "0.00", "200000.00");
        assertThat(m.facilities()).singleElement().satisfies(f -> {
            assertThat(f.balanceDays()).isEqualByComparingTo("6000000.00");
            assertThat(f.interest()).isEqualByComparingTo("600.00");
        });
    }

    @Test
    void theMonthlyLedgerPdfShowsTheMonth() throws Exception {
        RenderedPdf pdf = fx.as(fx.cityUser(Role.AUDITOR), () -> reports.render(reports.context(
                ReportKind.MONTHLY_LEDGER, new ReportService.ReportQuery(here.code(), LocalDate.of(2023, 3, 31), null,
                        null, null), Locale.SIMPLIFIED_CHINESE)));
        String text = PdfChecks.compact(PdfChecks.text(pdf.bytes()));

        assertThat(text).contains("项目专项借款月度台账", "一、余额（2023-03-01至2023-03-31，元）",
                "借款本金余额0.00200,000.000.00200,000.00", "3,900,000.00", "390.00", "壹拾伍万元整", "伍万元整",
                "本月积数3,900,000.00元·天，本月利息390.00元");
        PdfChecks.png(pdf.bytes(), Path.of("target/report-png"), "monthly-ledger", 100);
    }

    private static void assertBalance(MonthlyLedgerReport.Balance b, String opening, String increase, String decrease,
                                      String closing) {
        assertThat(b.opening()).isEqualByComparingTo(opening);
        assertThat(b.increase()).isEqualByComparingTo(increase);
        assertThat(b.decrease()).isEqualByComparingTo(decrease);
        assertThat(b.closing()).isEqualByComparingTo(closing);
        assertThat(b.opening().add(b.increase()).subtract(b.decrease())).isEqualByComparingTo(b.closing());
    }
}
