package cn.baojiaolou.loan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.reports.PdfChecks;
import cn.baojiaolou.reports.ReportNumbers;

/**
 * Downloading reports over the API: the figures of a small project hand-checked in the PDF, the XLSX and the JSON,
 * byte-identical re-downloads, the archive and its verification, district scope and bad parameters.
 */
@DatabaseTest
class ReportDownloadTest {

    private static final String DAY = "2023-12-31";

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportArchive archive;

    Fixtures.Ready here;
    LoanUser auditor;
    Disbursement first;

    /**
     * Allocation 1,000,000.00; 复工 (20 %) verified on 2023-03-05 unlocks 200,000.00; paid 150,000.00 on 03-10 and
     * 50,000.00 on 03-20: the cap hit exactly. Paid 200,000.00 元 = 20.00 万元; allocated 100.00 万元.
     */
    @BeforeEach
    void project() {
        here = fx.ready(new BigDecimal("1000000.00"));
        Milestone resumed = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        first = fx.paid(here.code(), here.payee(), resumed, new BigDecimal("150000.00"), LocalDate.of(2023, 3, 10));
        fx.paid(here.code(), here.payee(), resumed, new BigDecimal("50000.00"), LocalDate.of(2023, 3, 20));
        auditor = fx.user(Role.AUDITOR, here.district().id());
    }

    private byte[] ledgerPdf(LoanUser user) throws Exception {
        return download(user, "/api/v1/reports/project-ledger.pdf?project=" + here.code() + "&businessDate=" + DAY)
                .getResponse().getContentAsByteArray();
    }

    private MvcResult download(LoanUser user, String path) throws Exception {
        return api.get(user, path).andExpect(status().isOk()).andReturn();
    }

    @Test
    void theLedgerPdfShowsTheProjectAndTheRightTotalsWithTheFontEmbedded() throws Exception {
        MvcResult result = download(auditor,
                "/api/v1/reports/project-ledger.pdf?project=" + here.code() + "&businessDate=" + DAY);
        byte[] pdf = result.getResponse().getContentAsByteArray();

        assertThat(result.getResponse().getContentType()).startsWith("application/pdf");
        assertThat(result.getResponse().getHeader("X-Content-SHA256")).isEqualTo(ReportNumbers.sha256Hex(pdf));
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"project-ledger-" + here.code() + "-2023-12-31.pdf\"")
                // 项目专项借款台账 in UTF-8, percent-encoded (RFC 5987)
                .contains("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E4%B8%93%E9%A1%B9%E5%80%9F%E6%AC%BE%E5%8F%B0%E8%B4%A6-");
        String text = PdfChecks.text(pdf);
        assertThat(text).contains("项目专项借款台账", "测试项目" + here.code(), "业务日期：2023-12-31",
                "数据截至：2023-12-31 日终", "制表人", "复核人", "第 1 页");
        assertThat(text).contains("合计 20.00", "100.00", "15.00", "5.00")
                .contains("拨付合计 200,000.00 元", "分配合计 1,000,000.00 元", "本金余额 200,000.00 元");
        assertThat(PdfChecks.fonts(pdf)).isNotEmpty().allSatisfy(f -> assertThat(f).contains("NotoSansSC")
                .endsWith(" embedded"));
    }

    @Test
    void aSecondDownloadIsByteIdenticalAndArchivedOnceWithAnAuditRowEach() throws Exception {
        long audits = fx.count("audit_event");
        byte[] one = ledgerPdf(auditor);
        byte[] two = ledgerPdf(auditor);

        assertThat(two).isEqualTo(one);
        String sha = ReportNumbers.sha256Hex(one);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_archive WHERE sha256 = ?", Long.class, sha))
                .isEqualTo(1);
        ArchivedReport row = fx.as(fx.cityUser(Role.AUDITOR), () -> archive.find(sha));
        assertThat(row.reportType()).isEqualTo("project-ledger");
        assertThat(row.businessDate()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(row.parameters()).isEqualTo("project-ledger|2023-12-31|lang=zh|project=" + here.code());
        assertThat(row.source()).isEqualTo("DOWNLOAD");
        assertThat(row.sizeBytes()).isEqualTo(one.length);
        assertThat(row.pages()).isEqualTo(PdfChecks.pages(one));
        assertThat(Files.readAllBytes(fx.as(fx.cityUser(Role.AUDITOR), archive::directory).resolve(row.filePath()))).isEqualTo(one);
        // REPORT_ARCHIVED once, REPORT_DOWNLOADED twice
        assertThat(fx.count("audit_event")).isEqualTo(audits + 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'REPORT_DOWNLOADED' "
                + "AND username = ? AND target_id = ?", Long.class, auditor.username(), row.reportNumber()))
                .isEqualTo(2);
    }

    @Test
    void anArchivedPdfVerifiesAndATamperedOneDoesNot() throws Exception {
        byte[] pdf = ledgerPdf(auditor);
        String sha = ReportNumbers.sha256Hex(pdf);

        verify(pdf).andExpect(jsonPath("$.archived").value(true))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.report").value("project-ledger"))
                .andExpect(jsonPath("$.businessDate").value(DAY))
                .andExpect(jsonPath("$.parameters").value(containsString("project=" + here.code())))
                // signed by the unit's certificate (the test keystore's), at the end of the business date
                .andExpect(jsonPath("$.signature.status").value("VALID"))
                .andExpect(jsonPath("$.signature.coversWholeFile").value(true))
                .andExpect(jsonPath("$.signature.ourCertificate").value(true))
                .andExpect(jsonPath("$.signature.signedAt").value("2023-12-31T23:59:59+08:00"));
        byte[] tampered = pdf.clone();
        tampered[pdf.length / 2] ^= 1; // one bit changed in the middle of the file
        verify(tampered).andExpect(jsonPath("$.archived").value(false))
                .andExpect(jsonPath("$.report").doesNotExist())
                .andExpect(jsonPath("$.signature.status").value("INVALID"));
        api.mvc().perform(multipart("/api/v1/reports/verification").param("sha256", sha.toUpperCase())
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        api.mvc().perform(multipart("/api/v1/reports/verification").param("sha256", "12ab")
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("64 位十六进制")));
        api.mvc().perform(multipart("/api/v1/reports/verification")
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("请上传 PDF 文件")));
    }

    private org.springframework.test.web.servlet.ResultActions verify(byte[] pdf) throws Exception {
        return api.mvc().perform(multipart("/api/v1/reports/verification")
                        .file(new MockMultipartFile("file", "台账.pdf", "application/pdf", pdf))
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void theSummaryAgreesInThePdfTheXlsxAndTheApi() throws Exception {
        String query = "?businessDate=" + DAY + "&district=" + here.district().code();
        api.get(auditor, "/api/v1/reports/summary" + query).andExpect(status().isOk())
                .andExpect(jsonPath("$.districts.length()").value(1))
                .andExpect(jsonPath("$.total.projects").value(1))
                .andExpect(jsonPath("$.total.allocated").value(1000000.00))
                .andExpect(jsonPath("$.total.paid").value(200000.00))
                .andExpect(jsonPath("$.total.outstanding").value(200000.00))
                .andExpect(jsonPath("$.total.resolutionRate").value(0.0));
        String text = PdfChecks.text(download(auditor, "/api/v1/reports/summary.pdf" + query)
                .getResponse().getContentAsByteArray());
        assertThat(text).contains("合计 1 0 100.00 20.00 0.00 20.00 0.00 0 / 500 0.00%")
                .contains("分配 1,000,000.00 元，拨付 200,000.00 元");

        MvcResult xlsx = download(auditor, "/api/v1/reports/summary.xlsx" + query);
        assertThat(xlsx.getResponse().getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Row total = rowStartingWith(book.getSheetAt(0), "合计");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new BigDecimal(Double.toString(total.getCell(3).getNumericCellValue())))
                    .isEqualByComparingTo("100.00");
            assertThat(new BigDecimal(Double.toString(total.getCell(4).getNumericCellValue())))
                    .isEqualByComparingTo("20.00");
            assertThat(rowStartingWith(book.getSheetAt(0), "区县").getCell(4).getStringCellValue())
                    .isEqualTo("已拨付（万元）");
        }
    }

    @Test
    void theLedgerXlsxHasTheSameTotalsAsThePdf() throws Exception {
        MvcResult xlsx = download(auditor,
                "/api/v1/reports/project-ledger.xlsx?project=" + here.code() + "&businessDate=" + DAY);
        assertThat(xlsx.getResponse().getHeader("X-Content-SHA256"))
                .isEqualTo(ReportNumbers.sha256Hex(xlsx.getResponse().getContentAsByteArray()));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            Row payments = null;
            boolean inPayments = false;
            for (Row r : sheet) {
                Cell c = r.getCell(0);
                String first = c != null && c.getCellType() == CellType.STRING ? c.getStringCellValue() : "";
                inPayments |= first.equals("四、资金拨付明细");
                if (inPayments && first.equals("合计")) {
                    payments = r;
                    break;
                }
            }
            assertThat(payments).as("the payments' totals row").isNotNull();
            assertThat(new BigDecimal(Double.toString(payments.getCell(5).getNumericCellValue())))
                    .isEqualByComparingTo("20.00");
        }
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + text);
    }

    @Test
    void anotherDistrictsUserGetsA404AndTheAttemptIsAudited() throws Exception {
        Fixtures.Ready there = fx.ready(new BigDecimal("500000.00"));
        LoanUser stranger = fx.user(Role.ACCOUNTANT, there.district().id());
        long archived = fx.count("report_archive");

        api.get(stranger, "/api/v1/reports/project-ledger.pdf?project=" + here.code() + "&businessDate=" + DAY)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不存在")));
        api.get(stranger, "/api/v1/reports/summary.pdf?businessDate=" + DAY + "&district=" + here.district().code())
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' "
                + "AND username = ?", Long.class, stranger.username())).isEqualTo(2);
        assertThat(fx.count("report_archive")).isEqualTo(archived);
        // without a district, a district user's summary covers their own district only
        api.get(stranger, "/api/v1/reports/summary?businessDate=" + DAY)
                .andExpect(jsonPath("$.districts.length()").value(1))
                .andExpect(jsonPath("$.districts[0].districtCode").value(there.district().code()));
        // the admin role does not download reports
        api.get(fx.user(Role.ADMIN, null), "/api/v1/reports/summary.pdf?businessDate=" + DAY)
                .andExpect(status().isForbidden());
    }

    @Test
    void badParametersAreRefusedInChineseAndNothingIsArchived() throws Exception {
        long archived = fx.count("report_archive");
        String tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        api.get(auditor, "/api/v1/reports/summary.pdf?businessDate=" + tomorrow)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("须早于今天")));
        api.get(auditor, "/api/v1/reports/disbursement-audit.pdf?from=2023-12-01&to=2023-11-01")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("晚于截止日期")));
        api.get(auditor, "/api/v1/reports/disbursement-audit.pdf?from=2022-01-01&to=2023-12-31")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("366")));
        api.get(auditor, "/api/v1/reports/project-ledger.pdf?businessDate=" + DAY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("须指定项目")));
        api.get(auditor, "/api/v1/reports/balance-sheet.pdf")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("报表 balance-sheet 不存在")));
        api.get(auditor, "/api/v1/reports/exceptions.xlsx?businessDate=" + DAY)
                .andExpect(status().isNotFound());
        api.get(auditor, "/api/v1/reports/summary.pdf?businessDate=2023-13-45")
                .andExpect(status().isBadRequest());
        api.get(auditor, "/api/v1/reports/project-ledger.pdf?project=NO-SUCH&businessDate=" + DAY)
                .andExpect(status().isNotFound());
        assertThat(fx.count("report_archive")).isEqualTo(archived);
    }

    @Test
    void theExceptionsReportListsEachExceptionWithTheRowsBehindIt() throws Exception {
        long projectId = jdbc.queryForObject("SELECT id FROM project WHERE code = ?", Long.class, here.code());
        jdbc.update("INSERT INTO recon_exception (rule_code, severity, subject_key, active_key, project_id, district_id, "
                        + "amount, first_seen, last_seen, status, detail, refs) VALUES ('OVER_PROGRESS', 'SERIOUS', ?, ?, "
                        + "?, ?, 12345.67, '2023-12-20', '2023-12-31', 'OPEN', '累计拨付超过已核验进度', ?)",
                "project:" + projectId, "OVER_PROGRESS|project:" + projectId, projectId, here.district().id(),
                "{\"disbursementIds\":[" + first.id() + "],\"bankLineIds\":[],\"milestoneIds\":[],\"ledgerEntryIds\":[]}");

        String text = PdfChecks.text(download(auditor, "/api/v1/reports/exceptions.pdf?businessDate=" + DAY)
                .getResponse().getContentAsByteArray());

        assertThat(text).contains("对账异常日报", "严重程度：严重（1 条）", "严重程度：警告（0 条）", "超进度拨付",
                here.code(), "1.23", "待处理", "拨付#" + first.id(), "涉及金额合计 12,345.67 元");
        // on a day before it was first seen, it is not in the report
        assertThat(PdfChecks.text(download(auditor, "/api/v1/reports/exceptions.pdf?businessDate=2023-12-19")
                .getResponse().getContentAsByteArray())).contains("严重程度：严重（0 条）").doesNotContain("超进度拨付");
    }

    @Test
    void englishOnRequest() throws Exception {
        MvcResult result = api.mvc().perform(get("/api/v1/reports/project-ledger.pdf")
                        .param("project", here.code()).param("businessDate", DAY)
                        .header("Accept-Language", "en")
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn();
        assertThat(PdfChecks.text(result.getResponse().getContentAsByteArray()))
                .contains("Project special loan ledger", "Page 1", "测试项目" + here.code());
    }

    @Test
    void theApiStillAnswersJsonWithJacksonXmlOnTheClassPath() throws Exception {
        api.mvc().perform(get("/api/v1/reports/archive").accept(MediaType.ALL)
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/json")));
        api.mvc().perform(get("/api/v1/districts").header("Accept", "application/xml, application/json;q=0.5")
                        .with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(header().string("Content-Type", containsString("application/json")));
    }

    @Test
    void theArchiveListShowsADistrictUserTheirDistrictsPrintsOnly() throws Exception {
        byte[] pdf = ledgerPdf(auditor);
        String sha = ReportNumbers.sha256Hex(pdf);
        api.get(auditor, "/api/v1/reports/archive?report=project-ledger&businessDate=" + DAY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sha256 == '" + sha + "')].reportNumber").isNotEmpty());
        Fixtures.Ready there = fx.ready(new BigDecimal("500000.00"));
        api.get(fx.user(Role.AUDITOR, there.district().id()), "/api/v1/reports/archive?businessDate=" + DAY)
                .andExpect(jsonPath("$[?(@.sha256 == '" + sha + "')]").isEmpty());
    }
}
