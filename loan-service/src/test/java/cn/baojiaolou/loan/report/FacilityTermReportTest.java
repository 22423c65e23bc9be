package cn.baojiaolou.loan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.facility.FacilityTermService;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.reports.PdfChecks;
import cn.baojiaolou.reports.RenderedPdf;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportSection;

/**
 * The reports print the terms in force on their date and the approved changes behind them. A facility at 3.10 %
 * maturing 2023-12-31; the project is paid 100,000.00 on 2023-03-21. Approved: 3.10 % → 2.80 % from 2023-05-01
 * and a 展期 to 2024-12-31 from 2023-07-01; a rate change rejected and an extension still asked for are not printed.
 *
 * Settled by 2023-09-30 (ACT/360, rounded once per 结息): 06-20: (41 days × 100,000.00 at 3.1 % + 51 days at 2.8 %)
 * = (127,100 + 142,800) / 360 = 749.72; 09-20: 92 days × 100,000.00 × 0.028 / 360 = 715.56; together 1,465.28.
 * Nothing is paid, so the 06-20 interest bears penalty from 06-21 at the rate in force × 1.5: 92 days × 749.72
 * = 68,974.24 元·天 × 0.042 / 360 = 8.05, settled 09-20; the schedule's 已结利息 (interest and penalty) 1,473.33.
 */
@DatabaseTest
class FacilityTermReportTest {

    private static final LocalDate AFTER = LocalDate.of(2023, 9, 30);
    private static final LocalDate BEFORE = LocalDate.of(2023, 4, 30);

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FacilityService facilities;
    @Autowired
    FacilityTermService terms;
    @Autowired
    ReportService reports;

    LoanUser accountant;
    LoanUser reviewer;
    LoanUser auditor;
    District district;
    Facility facility;
    Project project;

    @BeforeEach
    void changedTerms() {
        assertThat(jdbc.queryForObject("SELECT COALESCE(MAX(business_date), '2000-01-01') FROM business_day",
                LocalDate.class)).as("no day from 2023 on closed in this database").isBefore(LocalDate.of(2023, 1, 1));
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
        // people are printed by 姓名, never by login
        jdbc.update("UPDATE app_user SET display_name = '张经办' WHERE username = ?", accountant.username());
        jdbc.update("UPDATE app_user SET display_name = '李复核' WHERE username = ?", reviewer.username());
        district = fx.district();
        auditor = fx.user(Role.AUDITOR, district.id());
        String code = fx.facility(new BigDecimal("10000000.00"), "0.031", LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31));
        facility = fx.as(accountant, () -> facilities.require(code));
        fx.drawdown(facility, new BigDecimal("10000000.00"), LocalDate.of(2023, 1, 1), "DD-" + code);
        project = fx.project(district, LocalDate.of(2024, 6, 30), 500);
        fx.allocate(project, facility, new BigDecimal("1000000.00"), LocalDate.of(2023, 1, 2));
        Payee payee = fx.payee(project, PayeeKind.CONTRACTOR);
        Milestone resumed = fx.milestone(project, "复工", "20", LocalDate.of(2023, 3, 1));
        fx.verify(project, resumed, LocalDate.of(2023, 3, 5));
        fx.paid(project, payee, resumed, new BigDecimal("100000.00"), LocalDate.of(2023, 3, 21));

        approve(ask(TermChange.Kind.RATE, LocalDate.of(2023, 5, 1), null, "0.028", "永财债〔2023〕21号"));
        approve(ask(TermChange.Kind.EXTENSION, LocalDate.of(2023, 7, 1), LocalDate.of(2024, 12, 31), null,
                "展期协议 ZQ-2023-07"));
        TermChange rejected = ask(TermChange.Kind.RATE, LocalDate.of(2023, 8, 1), null, "0.025", "驳回-1");
        fx.as(reviewer, () -> terms.reject(code, rejected.id(), "批复未下达"));
        ask(TermChange.Kind.EXTENSION, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 6, 30), null, "待复核-1");
    }

    private TermChange ask(TermChange.Kind kind, LocalDate on, LocalDate maturity, String rate, String ref) {
        return fx.as(accountant, () -> terms.request(facility.code(), kind, on, maturity,
                rate == null ? null : new BigDecimal(rate), ref));
    }

    private void approve(TermChange c) {
        fx.as(reviewer, () -> terms.approve(facility.code(), c.id(), "按批复执行"));
    }

    private ReportContext context(ReportKind kind, LocalDate day, String projectCode) {
        return fx.as(auditor, () -> reports.context(kind, new ReportService.ReportQuery(projectCode, day, null, null,
                projectCode == null ? district.code() : null), Locale.SIMPLIFIED_CHINESE));
    }

    private ReportDocument document(ReportKind kind, LocalDate day, String projectCode) {
        ReportContext c = context(kind, day, projectCode);
        return fx.as(auditor, () -> reports.document(c));
    }

    private RenderedPdf pdf(ReportKind kind, LocalDate day, String projectCode) {
        ReportContext c = context(kind, day, projectCode);
        return fx.as(auditor, () -> reports.render(c));
    }

    private static ReportSection section(ReportDocument d, String key) {
        return d.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theSummaryAndTheScheduleAfterTheChangesShowTheTermsInForceAndTheApprovedChangesByName() throws Exception {
        for (ReportKind kind : List.of(ReportKind.SUMMARY, ReportKind.REPAYMENT_SCHEDULE)) {
            ReportDocument d = document(kind, AFTER, null);
            assertThat(section(d, "facilityTerms").rows()).singleElement().satisfies(r -> {
                assertThat(r.get(0)).isEqualTo(facility.code());
                assertThat((BigDecimal) r.get(4)).as("contract rate").isEqualByComparingTo("0.031");
                assertThat((BigDecimal) r.get(5)).as("rate in force").isEqualByComparingTo("0.028");
                assertThat(r.get(6)).isEqualTo(LocalDate.of(2023, 12, 31));
                assertThat(r.get(7)).as("maturity in force").isEqualTo(LocalDate.of(2024, 12, 31));
            });
            List<List<Object>> changes = section(d, "termChanges").rows();
            assertThat(changes).as("approved only: the rejected and the pending one are left out").hasSize(2);
            assertThat(changes.get(0)).containsExactly(facility.code(), "利率调整", LocalDate.of(2023, 5, 1),
                    "3.10% → 2.80%", "永财债〔2023〕21号", "张经办", "李复核", changes.get(0).get(7));
            assertThat(changes.get(1)).containsExactly(facility.code(), "展期", LocalDate.of(2023, 7, 1),
                    "2023-12-31 → 2024-12-31", "展期协议 ZQ-2023-07", "张经办", "李复核", changes.get(1).get(7));
            // 复核日期 is the Beijing date of the approval (made today)
            assertThat(changes.get(0).get(7)).isInstanceOf(LocalDate.class).isNotNull();
        }
        // the schedule's maturity is the extended one, and its interest ran at each rate in its part of the period
        List<Object> row = section(document(ReportKind.REPAYMENT_SCHEDULE, AFTER, null), "projects").rows().get(0);
        assertThat(row.get(0)).isEqualTo(project.code());
        assertThat(row.get(4)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat((BigDecimal) row.get(5)).isEqualByComparingTo("1473.33");

        RenderedPdf summary = pdf(ReportKind.SUMMARY, AFTER, null);
        String text = PdfChecks.compact(PdfChecks.text(summary.bytes()));
        assertThat(text).contains("借款合同及适用条件（截至业务日期）", "贷款条件变更记录（已批准，截至业务日期生效）",
                "现行年利率", "3.10%2.80%2023-12-312024-12-31", "利率调整2023-05-013.10%→2.80%",
                "展期2023-07-012023-12-31→2024-12-31", "张经办", "李复核")
                .doesNotContain(accountant.username(), reviewer.username(), "驳回-1", "待复核-1", "RATE", "EXTENSION");
        assertThat(pdf(ReportKind.SUMMARY, AFTER, null).bytes()).as("byte-identical for the same data and date")
                .isEqualTo(summary.bytes());
        PdfChecks.png(summary.bytes(), Path.of("target/report-png"), "summary-term-changes", 100);
        PdfChecks.png(pdf(ReportKind.REPAYMENT_SCHEDULE, AFTER, null).bytes(), Path.of("target/report-png"),
                "schedule-term-changes", 100);
    }

    @Test
    void aReportDatedBeforeTheChangesShowsTheContractsTermsAndNoChange() throws Exception {
        for (ReportKind kind : List.of(ReportKind.SUMMARY, ReportKind.REPAYMENT_SCHEDULE)) {
            ReportDocument d = document(kind, BEFORE, null);
            assertThat(section(d, "facilityTerms").rows()).singleElement().satisfies(r -> {
                assertThat((BigDecimal) r.get(5)).isEqualByComparingTo("0.031");
                assertThat(r.get(7)).isEqualTo(LocalDate.of(2023, 12, 31));
            });
            assertThat(section(d, "termChanges").rows()).isEmpty();
        }
        assertThat(section(document(ReportKind.REPAYMENT_SCHEDULE, BEFORE, null), "projects").rows().get(0).get(4))
                .isEqualTo(LocalDate.of(2023, 12, 31));
        String text = PdfChecks.compact(PdfChecks.text(pdf(ReportKind.SUMMARY, BEFORE, null).bytes()));
        assertThat(text).contains("贷款条件变更记录（已批准，截至业务日期生效）", "3.10%3.10%2023-12-312023-12-31", "（无）")
                .doesNotContain("2.80%", "利率调整", "永财债");
    }

    @Test
    void theLedgersInterestRunsAtTheRateInForceAndTheXlsxCarriesTheChanges() throws Exception {
        ReportDocument ledger = document(ReportKind.PROJECT_LEDGER, AFTER, project.code());
        assertThat((BigDecimal) section(ledger, "interest").rows().get(0).get(1)).isEqualByComparingTo("0.028");
        assertThat(section(ledger, "termChanges").rows()).hasSize(2);
        RenderedPdf ledgerPdf = pdf(ReportKind.PROJECT_LEDGER, AFTER, project.code());
        String text = PdfChecks.compact(PdfChecks.text(ledgerPdf.bytes()));
        PdfChecks.png(ledgerPdf.bytes(), Path.of("target/report-png"), "ledger-term-changes", 100);
        PdfChecks.png(pdf(ReportKind.MONTHLY_LEDGER, LocalDate.of(2023, 5, 31), project.code()).bytes(),
                Path.of("target/report-png"), "monthly-term-changes", 100);
        assertThat(text).contains("八、借款合同及适用条件", "九、贷款条件变更记录", "3.10%→2.80%", "张经办", "李复核");
        ReportDocument month = document(ReportKind.MONTHLY_LEDGER, LocalDate.of(2023, 5, 31), project.code());
        assertThat(section(month, "termChanges").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(3)).isEqualTo("3.10% → 2.80%"));

        byte[] xlsx = api.get(auditor, "/api/v1/reports/summary.xlsx?businessDate=" + AFTER + "&district="
                + district.code()).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : book.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                for (Cell c : r) {
                    line.append(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "#").append('|');
                }
                lines.add(line.toString());
            }
        }
        assertThat(lines).contains("贷款条件变更记录（已批准，截至业务日期生效）|")
                .anySatisfy(l -> assertThat(l).startsWith(facility.code() + "|利率调整|#|3.10% → 2.80%|永财债〔2023〕21号|张经办|李复核|#|"))
                .anySatisfy(l -> assertThat(l).startsWith(facility.code() + "|展期|#|2023-12-31 → 2024-12-31|"));
    }

    @Test
    void theInterestQueryAnswersTheTermsInForceAndTheirHistory() throws Exception {
        String path = "/api/v1/projects/" + project.code() + "/interest?asOf=";
        api.get(accountant, path + AFTER).andExpect(status().isOk())
                .andExpect(jsonPath("$.settled").value("1465.28"))
                .andExpect(jsonPath("$.positions[0].annualRate").value("0.028000"))
                .andExpect(jsonPath("$.positions[0].maturityDate").value("2024-12-31"))
                .andExpect(jsonPath("$.positions[0].contractAnnualRate").value("0.031000"))
                .andExpect(jsonPath("$.positions[0].contractMaturityDate").value("2023-12-31"))
                .andExpect(jsonPath("$.positions[0].termChanges.length()").value(2))
                .andExpect(jsonPath("$.positions[0].termChanges[0].kind").value("RATE"))
                .andExpect(jsonPath("$.positions[0].termChanges[0].requestedByName").value("张经办"))
                .andExpect(jsonPath("$.positions[0].termChanges[1].kind").value("EXTENSION"))
                .andExpect(jsonPath("$.positions[0].termChanges[1].decidedByName").value("李复核"));
        api.get(accountant, path + BEFORE).andExpect(status().isOk())
                .andExpect(jsonPath("$.positions[0].annualRate").value("0.031000"))
                .andExpect(jsonPath("$.positions[0].maturityDate").value("2023-12-31"))
                .andExpect(jsonPath("$.positions[0].termChanges.length()").value(0));
    }
}
