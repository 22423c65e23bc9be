package cn.baojiaolou.loan.court;

import cn.baojiaolou.loan.bankstatement.BankStatementImporter;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.reports.PdfChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register of court freezes and deductions, and what they do to what the 专户 can pay (issue 12). */
@DatabaseTest
class CourtActionsTest {

    static final String HEADER = "交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要\n";

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FacilityService facilities;
    @Autowired
    BankStatementImporter importer;

    Fixtures.Ready r;
    LoanUser accountant;
    LoanUser reviewer;
    LoanUser auditor;

    @BeforeEach
    void project() {
        r = fx.ready(new BigDecimal("5000000.00")); // the 专户 holds 10,000,000.00
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1)); // 20 %: 1,000,000.00 may be paid
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
        auditor = fx.user(Role.AUDITOR, null);
    }

    @Test
    void aFreezeLowersTheAvailableBalanceExactlyAtItPassesOneFenOverIsRefused() throws Exception {
        Disbursement d = fx.approved(r.project(), r.payee(), r.restart(), new BigDecimal("1000000.00"));
        long oneFenOver = freeze("9000000.01", "2023-03-01");

        api.post(accountant, "/api/v1/disbursements/" + d.id() + "/payment",
                        "{\"paidOn\":\"2023-03-02\",\"voucherNo\":\"JZ20230302-0001\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("account.heldPayment"))
                .andExpect(jsonPath("$.detail").value("专户可用余额不足：账面余额 10,000,000.00 元，司法冻结 "
                        + "9,000,000.01 元，司法扣划未追回 0.00 元，可用余额 999,999.99 元，本次付款超出可用余额，不能付款。"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, d.id()))
                .isEqualTo("APPROVED");
        assertThat(view().availableBalance()).isEqualByComparingTo("999999.99");

        api.post(accountant, "/api/v1/court-actions/freezes/" + oneFenOver + "/release",
                "{\"releasedOn\":\"2023-03-02\",\"releaseRef\":\"（2023）湘1102执保12号之一\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.releasedOn").value("2023-03-02"));
        freeze("9000000.00", "2023-03-02");
        assertThat(view().availableBalance()).isEqualByComparingTo("1000000.00");

        api.post(accountant, "/api/v1/disbursements/" + d.id() + "/payment",
                        "{\"paidOn\":\"2023-03-02\",\"voucherNo\":\"JZ20230302-0001\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
        FacilityService.FacilityView after = view();
        assertThat(after.accountBalance()).isEqualByComparingTo("9000000.00");
        assertThat(after.frozen()).isEqualByComparingTo("9000000.00");
        assertThat(after.availableBalance()).isEqualByComparingTo("0.00");

        // 统还 leaves the 专户 too: refused while the whole balance is frozen
        api.post(accountant, "/api/v1/facilities/" + r.facilityCode() + "/repayments",
                        "{\"principal\":\"1.00\",\"valueDate\":\"2023-03-03\",\"voucherNo\":\"JZ20230303-0001\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("account.heldRepayment"));
    }

    @Test
    void aDeductionFromTheStatementIsTrackedUntilRecoveredOrWrittenOff() throws Exception {
        long deduction = courtDeductionFromStatement("1300000.00");
        assertThat(view().deducted()).isEqualByComparingTo("1300000.00");
        assertThat(view().availableBalance()).isEqualByComparingTo("8700000.00");

        String base = "/api/v1/court-actions/deductions/" + deduction;
        api.post(accountant, base + "/recoveries", "{\"amount\":\"300000.00\",\"recoveredOn\":\"2023-06-20\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deduction.status").value("OPEN"))
                .andExpect(jsonPath("$.deduction.recovered").value(300000.00))
                .andExpect(jsonPath("$.recoveries", hasSize(1)));
        assertThat(view().availableBalance()).isEqualByComparingTo("9000000.00");
        api.post(accountant, base + "/recoveries", "{\"amount\":\"1000000.01\",\"recoveredOn\":\"2023-06-21\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("court.overRecovery"))
                .andExpect(jsonPath("$.detail").value("追回金额超过尚未追回的 1,000,000.00 元。"));
        api.post(accountant, base + "/recoveries", "{\"amount\":\"1.00\",\"recoveredOn\":\"2023-06-14\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code")
                        .value("court.beforeDeduction"));
        api.post(accountant, base + "/particulars",
                "{\"court\":\"永州市零陵区人民法院\",\"caseNo\":\"（2023）湘1102执1234号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.deduction.caseNo").value("（2023）湘1102执1234号"));

        // a write-off is a reviewer's decision
        String writeOff = "{\"writtenOffOn\":\"2023-12-31\",\"note\":\"经法院裁定不予退回，报批核销\"}";
        api.post(accountant, base + "/write-off", writeOff).andExpect(status().isForbidden());
        api.post(reviewer, base + "/write-off", writeOff).andExpect(status().isOk())
                .andExpect(jsonPath("$.deduction.status").value("WRITTEN_OFF"));
        // what was not recovered stays gone: the available balance does not come back
        assertThat(view().availableBalance()).isEqualByComparingTo("9000000.00");
        api.post(accountant, base + "/recoveries", "{\"amount\":\"1.00\",\"recoveredOn\":\"2024-01-02\"}")
                .andExpect(status().isConflict());

        api.get(auditor, "/api/v1/court-actions?facility={f}", r.facilityCode()).andExpect(status().isOk())
                .andExpect(jsonPath("$.deductions", hasSize(1)))
                .andExpect(jsonPath("$.deductions[0].deduction.status").value("WRITTEN_OFF"))
                .andExpect(jsonPath("$.deductions[0].recoveries[0].amount").value(300000.00))
                .andExpect(jsonPath("$.flaggedLines", hasSize(1)))
                .andExpect(jsonPath("$.flaggedLines[0].deductionId").value(deduction))
                .andExpect(jsonPath("$.holds.deducted").value(1000000.00));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'facility' AND target_id = ? "
                        + "AND action LIKE 'COURT_%' ORDER BY id", String.class, r.facilityCode()))
                .containsExactly("COURT_DEDUCTION_REGISTERED", "COURT_DEDUCTION_RECOVERED",
                        "COURT_DEDUCTION_UPDATED", "COURT_DEDUCTION_WRITTEN_OFF");
    }

    @Test
    void aFullRecoveryClosesTheDeduction() throws Exception {
        long deduction = courtDeductionFromStatement("500000.00");
        api.post(accountant, "/api/v1/court-actions/deductions/" + deduction + "/recoveries",
                        "{\"amount\":\"500000.00\",\"recoveredOn\":\"2023-06-16\",\"note\":\"法院退回\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deduction.status").value("RECOVERED"));
        assertThat(view().deducted()).isEqualByComparingTo("0.00");
        assertThat(view().availableBalance()).isEqualByComparingTo("10000000.00");
    }

    @Test
    void theLettersToTheCourtAndHousingDepartmentAreChinesePdfsCitingTheNotice() throws Exception {
        long deduction = courtDeductionFromStatement("1300000.00");
        byte[] pdf = api.get(auditor, "/api/v1/court-actions/deductions/{id}/letter.pdf", deduction)
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/letters"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/letters/deduction-letter.pdf"), pdf);
        String text = PdfChecks.compact(PdfChecks.text(pdf));
        String accountNo = jdbc.queryForObject("SELECT account_no FROM facility WHERE code = ?", String.class,
                r.facilityCode());
        assertThat(text).contains("关于依法退回保交楼专项借款专户被扣划资金的函", "永州市零陵区人民法院：", "法〔2022〕12号",
                "1,300,000.00", "壹佰叁拾万元整", "（2023）湘1102执1234号", accountNo, "市住房和城乡建设局",
                "工程款、材料款", "草稿");
        assertThat(PdfChecks.fonts(pdf)).allSatisfy(f -> assertThat(f).contains("NotoSans"));
        // the same letter on the same day is the same bytes
        byte[] again = api.get(auditor, "/api/v1/court-actions/deductions/{id}/letter.pdf", deduction)
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(pdf);

        long freeze = freeze("2000000.00", "2023-04-01");
        byte[] freezeLetter = api.get(reviewer, "/api/v1/court-actions/freezes/{id}/letter.pdf", freeze)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfChecks.compact(PdfChecks.text(freezeLetter))).contains("司法冻结", "贰佰万元整", "解除对上述专户的冻结",
                "法〔2022〕12号");
        api.get(fx.user(Role.ADMIN, null), "/api/v1/court-actions/freezes/{id}/letter.pdf", freeze)
                .andExpect(status().isForbidden());
    }

    @Test
    void registrationsAreCheckedAndCityOnly() throws Exception {
        api.post(accountant, "/api/v1/court-actions/freezes", "{\"facilityCode\":\"" + r.facilityCode()
                        + "\",\"court\":\"某法院\",\"caseNo\":\"（2023）湘1102执保1号\",\"amount\":\"1.00\","
                        + "\"frozenOn\":\"2999-01-01\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("valueDate.future"));
        api.post(accountant, "/api/v1/court-actions/freezes", "{\"facilityCode\":\"" + r.facilityCode()
                        + "\",\"court\":\"<b>\",\"caseNo\":\"x\",\"amount\":\"1.001\",\"frozenOn\":\"2023-01-01\"}")
                .andExpect(status().isBadRequest());
        LoanUser district = fx.user(Role.ACCOUNTANT, r.district().id());
        api.post(district, "/api/v1/court-actions/freezes", "{\"facilityCode\":\"" + r.facilityCode()
                        + "\",\"court\":\"某法院\",\"caseNo\":\"（2023）湘1102执保1号\",\"amount\":\"1.00\","
                        + "\"frozenOn\":\"2023-01-01\"}")
                .andExpect(status().isForbidden());
        api.post(auditor, "/api/v1/court-actions/deductions", "{}").andExpect(status().isForbidden());
    }

    // ================================================================ helpers

    private long freeze(String amount, String on) throws Exception {
        String body = api.post(accountant, "/api/v1/court-actions/freezes", "{\"facilityCode\":\"" + r.facilityCode()
                        + "\",\"court\":\"永州市零陵区人民法院\",\"caseNo\":\"（2023）湘1102执保12号\",\"amount\":\"" + amount
                        + "\",\"frozenOn\":\"" + on + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }

    /** A statement of the 专户 with one court debit: the import opens the deduction. */
    private long courtDeductionFromStatement(String amount) {
        String text = HEADER + "2023-06-15,2023-06-15,借," + amount + ",永州市零陵区人民法院,3201300000000001,"
                + Fixtures.code("CT") + ",," + new BigDecimal("10000000.00").subtract(new BigDecimal(amount))
                + ",司法扣划（2023）湘1102执1234号\n";
        long importId = fx.as(accountant, () -> importer.importStatement(r.facilityCode(), "court.csv",
                text.getBytes(StandardCharsets.UTF_8))).importId();
        return jdbc.queryForObject("SELECT d.id FROM court_deduction d JOIN bank_statement_line l ON l.id = "
                + "d.bank_line_id WHERE l.import_id = ?", Long.class, importId);
    }

    private FacilityService.FacilityView view() {
        return fx.as(accountant, () -> facilities.get(r.facilityCode()));
    }
}
