package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.baojiaolou.loan.support.Fixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 台账 onboarding (issue 12): the dry run lists every row that breaks a rule with its sheet, row and Chinese reason
 * and stores nothing; the confirmation imports all or nothing, each record tied to its sheet and row; who made and
 * who approved comes from the workbook only for real users.
 */
@DatabaseTest
class OnboardingTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FacilityService facilities;

    LoanUser importer;
    LoanUser maker;
    LoanUser checker;
    District district;

    @BeforeEach
    void users() {
        importer = fx.user(Role.ACCOUNTANT, null);
        maker = fx.user(Role.ACCOUNTANT, null);
        checker = fx.user(Role.REVIEWER, null);
        district = fx.district();
    }

    /** A small bureau workbook; {@code bad} adds three rows that break rules. Sheets not in the template's order. */
    LedgerBook book(String f, String p, boolean bad) {
        LedgerBook b = new LedgerBook()
                .sheet("拨付", "项目编号", "批次编号", "收款账号", "节点序号", "用途", "拨付金额（元）", "付款日期", "凭证号", "经办人",
                        "复核人")
                .title("拨付", "2023年拨付台账")
                .row("拨付", p, f, "A1-" + p, 1, "工程款", 400000.00, LocalDate.of(2023, 2, 10), "PAY1-" + p,
                        maker.username(), checker.username())
                .row("拨付", p, f, "A1-" + p, 1, "农民工工资", 300000.00, LocalDate.of(2023, 2, 10), "PAY2-" + p, "张三",
                        "李四");
        if (bad) {
            b.row("拨付", p, f, "A1-" + p, 1, "工程款", 100000.01, LocalDate.of(2023, 2, 11), "PAY3-" + p, null, null)
                    .row("拨付", p, f, "A9-" + p, 1, "工程款", 1.00, LocalDate.of(2023, 2, 11), "PAY4-" + p, null, null)
                    .row("拨付", p, f, "A1-" + p, 1, "工程款", 1.00, "2023-02-30", "PAY5-" + p, null, null);
        }
        return b
                .sheet("借款批次", "批次编号", "批次名称", "贷款银行", "借款人", "专户账号", "借款金额（万元）", "年利率", "起始日", "到期日")
                .row("借款批次", f, "测试批次" + f, "国家开发银行", "测试城投集团", "6222" + Math.abs(f.hashCode()), 1000,
                        new LedgerBook.Percent(0.036), LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31))
                .sheet("提款", "批次编号", "提款日期", "提款金额（元）", "凭证号")
                .row("提款", f, LocalDate.of(2023, 1, 5), "10,000,000.00", "DD-" + f)
                .sheet("项目", "项目编号", "项目名称", "所属区县", "开发企业", "总套数", "状态")
                .row("项目", p, "测试楼盘" + p, district.name(), "测试置业有限公司", 200, "复工")
                .sheet("收款人", "项目编号", "户名", "收款账号", "开户银行", "类型")
                .row("收款人", p, "测试建工集团", "A1-" + p, "中国建设银行", "施工单位")
                .sheet("额度分配", "项目编号", "批次编号", "核定额度", "批复文号", "批复日期")
                .row("额度分配", p, f, 4000000, "永财债〔2023〕1号", "2023-01-10")
                .sheet("工程节点", "项目编号", "序号", "节点名称", "计划日期", "累计拨付比例")
                .row("工程节点", p, 2, "主体结构封顶", LocalDate.of(2023, 9, 1), 50)
                .row("工程节点", p, 1, "复工", LocalDate.of(2023, 3, 1), "20%")
                .sheet("节点核验", "项目编号", "节点序号", "核验日期", "监理", "证明材料", "复核人")
                .row("节点核验", p, 1, LocalDate.of(2023, 2, 1), "监理张工", "JL-" + p, checker.username())
                .sheet("项目还款", "项目编号", "还款日期", "还款金额", "凭证号")
                .row("项目还款", p, LocalDate.of(2023, 3, 20), 100000, "RP-" + p)
                .sheet("统还", "批次编号", "还款日期", "本金", "凭证号")
                .row("统还", f, LocalDate.of(2023, 3, 21), 1000000, "CR-" + f)
                .sheet("说明", "这是说明")
                .row("说明", "本表不导入");
    }

    @Test
    void theDryRunListsEveryRowThatBreaksARuleWithSheetRowAndReasonAndStoresNothing() throws Exception {
        String f = code("OF");
        String p = code("OP");
        LedgerBook book = book(f, p, true);
        long facilitiesBefore = fx.count("facility");
        long ledgerBefore = fx.count("ledger_entry");

        String body = upload(book.bytes()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.problemsCount").value(3))
                .andExpect(jsonPath("$.rowsTotal").value(15))
                .andExpect(jsonPath("$.rows.拨付").value(5))
                .andExpect(jsonPath("$.problems", hasSize(3)))
                .andExpect(jsonPath("$.problems[0].sheet").value("拨付"))
                .andExpect(jsonPath("$.problems[0].row").value(book.excelRow("拨付", 3)))
                .andExpect(jsonPath("$.problems[0].reason")
                        .value("超进度拨付：累计拨付将超过已核验工程节点解锁的额度，最多还可拨付 100,000.00 元。"))
                .andExpect(jsonPath("$.problems[1].row").value(book.excelRow("拨付", 4)))
                .andExpect(jsonPath("$.problems[1].reason")
                        .value("项目 " + p + " 没有账号为 A9-" + p + " 的收款人（须先在“收款人”表登记）"))
                .andExpect(jsonPath("$.problems[2].row").value(book.excelRow("拨付", 5)))
                .andExpect(jsonPath("$.problems[2].reason").value("付款日期“2023-02-30”不是有效日期"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();

        // nothing of it stayed: the rules were checked inside a transaction that was rolled back
        assertThat(fx.count("facility")).isEqualTo(facilitiesBefore);
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE code = ?", Long.class, p)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onboarding_record WHERE import_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ONBOARDING_CHECKED' AND "
                + "target_id = ? AND username = ?", Long.class, String.valueOf(id), importer.username())).isEqualTo(1);

        // the same problems as an XLSX, in Chinese
        byte[] xlsx = api.get(importer, "/api/v1/onboarding/{id}/problems.xlsx", id).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("问题清单");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("3 处问题");
            assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("原因");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("拨付");
            assertThat((int) s.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(book.excelRow("拨付", 3));
            assertThat(s.getRow(4).getCell(2).getStringCellValue()).isEqualTo("付款日期“2023-02-30”不是有效日期");
        }
        // a workbook with problems cannot be confirmed
        api.post(importer, "/api/v1/onboarding/" + id + "/confirmation", "").andExpect(
                status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("onboarding.notChecked"));
    }

    @Test
    void aCleanWorkbookIsConfirmedAllAtOnceEachRecordWithItsSheetAndRowAndTheRealMakerAndChecker() throws Exception {
        String f = code("OF");
        String p = code("OP");
        LedgerBook book = book(f, p, false);
        long id = idOf(upload(book.bytes()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CHECKED")).andExpect(jsonPath("$.problemsCount").value(0)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility WHERE code = ?", Long.class, f)).isZero();

        api.post(importer, "/api/v1/onboarding/" + id + "/confirmation", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.importedBy").value(importer.username()))
                .andExpect(jsonPath("$.created.拨付").value(2));

        FacilityService.FacilityView v = fx.as(importer, () -> facilities.get(f));
        assertThat(v.facility().amount()).isEqualByComparingTo("10000000.00"); // 1000 万元
        assertThat(v.facility().annualRate()).isEqualByComparingTo("0.036");
        assertThat(v.drawn()).isEqualByComparingTo("10000000.00");
        assertThat(v.paidToProjects()).isEqualByComparingTo("700000.00");
        assertThat(v.repaidPrincipal()).isEqualByComparingTo("1000000.00");
        // 10,000,000 − 700,000 + 100,000 − 1,000,000
        assertThat(v.accountBalance()).isEqualByComparingTo("8400000.00");

        // every created record keeps its sheet and row
        List<Map<String, Object>> records = jdbc.queryForList("SELECT sheet, row_no, target_type FROM "
                + "onboarding_record WHERE import_id = ? ORDER BY id", id);
        assertThat(records).hasSize(12);
        assertThat(records).extracting(r -> r.get("sheet") + "/" + r.get("row_no") + "/" + r.get("target_type"))
                .contains("借款批次/2/facility", "项目/2/project", "工程节点/2/milestone", "工程节点/3/milestone",
                        "节点核验/2/milestone_verification", "拨付/3/disbursement", "拨付/4/disbursement",
                        "提款/2/ledger_entry", "统还/2/ledger_entry", "项目还款/2/project_repayment");
        // the milestones were created in their order, whatever the rows' order
        assertThat(jdbc.queryForList("SELECT m.name FROM milestone m JOIN project p ON p.id = m.project_id "
                + "WHERE p.code = ? ORDER BY m.seq", String.class, p)).containsExactly("复工", "主体结构封顶");

        // real users named by the workbook are the maker and checker; others are the importer and the marker
        List<Map<String, Object>> ds = jdbc.queryForList("SELECT d.requested_by, d.decided_by, d.paid_by, "
                + "d.decision_note FROM disbursement d JOIN project p ON p.id = d.project_id WHERE p.code = ? "
                + "ORDER BY d.id", p);
        assertThat(ds.get(0).get("requested_by")).isEqualTo(maker.username());
        assertThat(ds.get(0).get("decided_by")).isEqualTo(checker.username());
        assertThat(ds.get(0).get("paid_by")).isEqualTo(maker.username());
        assertThat(ds.get(0).get("decision_note")).isEqualTo("台账导入 #" + id + "（拨付 第 3 行）");
        assertThat(ds.get(1).get("requested_by")).isEqualTo(importer.username());
        assertThat(ds.get(1).get("decided_by")).isEqualTo("导入:" + importer.username());
        assertThat(jdbc.queryForObject("SELECT v.verified_by FROM milestone_verification v JOIN milestone m ON "
                + "m.id = v.milestone_id JOIN project p ON p.id = m.project_id WHERE p.code = ?", String.class, p))
                .isEqualTo(checker.username());
        // the audit trail names who acted and says the row and who imported it
        Map<String, Object> approval = jdbc.queryForMap("SELECT username, detail FROM audit_event WHERE action = "
                + "'DISBURSEMENT_APPROVED' AND detail LIKE ? ORDER BY id LIMIT 1", "台账导入 #" + id + "（拨付 第 3 行%");
        assertThat(approval.get("username")).isEqualTo(checker.username());
        assertThat(approval.get("detail")).isEqualTo("台账导入 #" + id + "（拨付 第 3 行），导入人 " + importer.username());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ONBOARDING_IMPORTED' AND "
                + "target_id = ? AND username = ?", Long.class, String.valueOf(id), importer.username())).isEqualTo(1);

        // imported once only
        api.post(importer, "/api/v1/onboarding/" + id + "/confirmation", "").andExpect(status().isConflict());
    }

    @Test
    void aConfirmationThatNowBreaksARuleImportsNothing() throws Exception {
        String f = code("OF");
        String p = code("OP");
        long id = idOf(upload(book(f, p, false).bytes()).andExpect(jsonPath("$.status").value("CHECKED")));
        // after the check, someone registers a facility with the same code
        fx.as(fx.cityUser(Role.ACCOUNTANT), () -> facilities.create(new FacilityService.NewFacility(f, "抢先登记",
                "国家开发银行", "某集团", null, new BigDecimal("100.00"), new BigDecimal("0.03"), LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 1, 1), null)));
        long ledgerBefore = fx.count("ledger_entry");

        api.post(importer, "/api/v1/onboarding/" + id + "/confirmation", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("onboarding.refused"))
                .andExpect(jsonPath("$.problems[0].sheet").value("借款批次"))
                .andExpect(jsonPath("$.problems[0].reason").value("借款批次 " + f + " 已存在。"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE code = ?", Long.class, p)).isZero();
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(jdbc.queryForObject("SELECT status FROM onboarding_import WHERE id = ?", String.class, id))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onboarding_record WHERE import_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void whatCannotBeReadIsRefusedAndOnlyCityAccountantsImport() throws Exception {
        upload("not a workbook".getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("onboarding.notWorkbook"));
        byte[] noSheets = new LedgerBook().sheet("Sheet1", "a", "b").bytes();
        upload(noSheets).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("onboarding.noSheets"));
        byte[] missing = new LedgerBook().sheet("项目", "项目编号", "项目名称").row("项目", "X", "Y").bytes();
        upload(missing).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.problems[0].reason").value("工作表“项目”缺少必填列“区县”，该表各行均未检查。"));
        api.mvc().perform(multipart("/api/v1/onboarding").file(new MockMultipartFile("file", "x.xlsx", null,
                        book(code("OF"), code("OP"), false).bytes()))
                        .with(httpBasic(fx.user(Role.AUDITOR, null).username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        // the export: accountants and auditors of the city; reviewers not at all, district users not the whole city
        api.get(fx.user(Role.AUDITOR, null), "/api/v1/onboarding/export.xlsx").andExpect(status().isOk());
        api.get(fx.user(Role.REVIEWER, null), "/api/v1/onboarding/export.xlsx").andExpect(status().isForbidden());
        api.get(fx.user(Role.AUDITOR, district.id()), "/api/v1/onboarding/export.xlsx")
                .andExpect(status().isForbidden());
        LoanUser districtAccountant = fx.user(Role.ACCOUNTANT, district.id());
        api.mvc().perform(multipart("/api/v1/onboarding").file(new MockMultipartFile("file", "x.xlsx", null,
                        book(code("OF"), code("OP"), false).bytes()))
                        .with(httpBasic(districtAccountant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTemplateDocumentsEverySheet() throws Exception {
        byte[] xlsx = api.get(importer, "/api/v1/onboarding/template.xlsx").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("说明");
            for (LedgerTemplate.SheetDef def : LedgerTemplate.SHEETS) {
                Sheet s = wb.getSheet(def.name());
                assertThat(s).as(def.name()).isNotNull();
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(def.columns().get(0).header());
                assertThat(s.getLastRowNum()).isZero();
            }
        }
        // the template itself reads back as a workbook with nothing to import
        upload(xlsx).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CHECKED"))
                .andExpect(jsonPath("$.rowsTotal").value(0));
    }

    // ================================================================ helpers

    private ResultActions upload(byte[] content) throws Exception {
        return api.mvc().perform(multipart("/api/v1/onboarding").file(new MockMultipartFile("file", "台账.xlsx", null,
                content)).with(httpBasic(importer.username(), Fixtures.PASSWORD)));
    }

    private static long idOf(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }
}
