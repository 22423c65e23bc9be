package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;

/**
 * The accountants' money pages: a repayment previewed then posted, 提款 and 统还 through their confirmation step, and a
 * statement upload refused whole.
 */
@DatabaseTest
class FinancePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.Ready here;
    LoanUser accountant;

    @BeforeEach
    void paidProject() {
        here = fx.ready(new BigDecimal("1000000.00"));
        Milestone m = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        fx.paid(here.code(), here.payee(), m, new BigDecimal("200000.00"), LocalDate.of(2023, 3, 10));
        accountant = fx.user(Role.ACCOUNTANT, null);
    }

    private long repayments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM project_repayment r JOIN project p ON p.id = r.project_id "
                + "WHERE p.code = ?", Long.class, here.code());
    }

    @Test
    void aConfirmedRequestSentTwiceWithItsFormKeyIsCarriedOutOnce() throws Exception {
        // the first milestone's cap is used up by the payment before each test: the second one unlocks more
        Milestone m = fx.verify(here.code(), here.milestones().get(1), LocalDate.of(2023, 4, 5));
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        String key = java.util.UUID.randomUUID().toString();
        long before = requests();
        var confirm = post("/disbursements/new").param("project", here.code())
                .param("payeeId", String.valueOf(here.payee().id())).param("milestoneId", String.valueOf(m.id()))
                .param("purpose", "工程款").param("amount", "1,234.56").param("confirmed", "yes")
                .param("formKey", key).session(session).with(user(accountant)).with(csrf());
        String first = mvc.perform(confirm).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(requests()).as(first.replaceAll("(?s).*?(class=\"(?:alert alert-danger|field-error)[^>]*>[^<]*).*", "$1"))
                .isEqualTo(before + 1);
        // the double click, or the answer reloaded: refused, nothing more posted
        String again = mvc.perform(confirm).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("此表单已经提交过", "不会再次记账");
        assertThat(requests()).isEqualTo(before + 1);
        // a new confirmation (a new key) is a new request
        mvc.perform(post("/disbursements/new").param("project", here.code())
                .param("payeeId", String.valueOf(here.payee().id())).param("milestoneId", String.valueOf(m.id()))
                .param("purpose", "工程款").param("amount", "1,234.56").param("confirmed", "yes")
                .param("formKey", java.util.UUID.randomUUID().toString()).session(session).with(user(accountant))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(requests()).isEqualTo(before + 2);
    }

    @Test
    void aRefusedPaymentKeepsWhatWasTypedInItsRowWithTheMessageAndPeopleShowByName() throws Exception {
        Milestone m = fx.verify(here.code(), here.milestones().get(1), LocalDate.of(2023, 4, 5));
        var approved = fx.approved(here.code(), here.payee(), m, new BigDecimal("1000.00"));
        // a voucher already posted (the payment before each test used one): refused, the voucher kept
        String used = jdbc.queryForObject("SELECT voucher_no FROM disbursement WHERE status = 'PAID' AND project_id = "
                + "(SELECT id FROM project WHERE code = ?) LIMIT 1", String.class, here.code());
        var refused = mvc.perform(post("/disbursements/" + approved.id() + "/payment").param("paidOn", "2023-04-06")
                        .param("voucherNo", used).param("confirmed", "yes").with(user(accountant)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/projects/" + here.code()).flashAttrs(refused.getFlashMap()).with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int at = page.indexOf("id=\"pay-voucher-" + approved.id() + "\"");
        String input = page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at));
        assertThat(input).contains("value=\"" + used + "\"", "is-invalid");
        assertThat(page).contains("id=\"pay-error-" + approved.id() + "\"", "value=\"2023-04-06\"");
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, approved.id()))
                .isEqualTo("APPROVED");
    }

    private long requests() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM disbursement d JOIN project p ON p.id = d.project_id "
                + "WHERE p.code = ?", Long.class, here.code());
    }

    @Test
    void aRepaymentIsPreviewedWithItsSplitThenPosted() throws Exception {
        // before the first 结息日 (2023-03-20 … quarterly) nothing is due: all of it is principal
        String preview = mvc.perform(post("/projects/" + here.code() + "/repayments/preview")
                        .param("amount", "50,000.00").param("valueDate", "2023-03-15").param("voucherNo", "HK-1")
                        .with(user(accountant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"repayment-split\"", "50,000.00", "确认入账");
        assertThat(repayments()).isZero();

        mvc.perform(post("/projects/" + here.code() + "/repayments").param("amount", "50000.00")
                        .param("valueDate", "2023-03-15").param("voucherNo", "HK-1")
                        .with(user(accountant)).with(csrf()))
                .andExpect(redirectedUrl("/projects/" + here.code()))
                .andExpect(flash().attribute("notice", "还款 50,000.00 元已入账，其中本金 50,000.00 元。"));
        assertThat(repayments()).isEqualTo(1);
    }

    @Test
    void aBadAmountIsShownBesideItsFieldWithTheTypedValuesKept() throws Exception {
        String page = mvc.perform(post("/projects/" + here.code() + "/repayments/preview")
                        .param("amount", "12.345").param("valueDate", "2023-03-15").param("voucherNo", "HK-2")
                        .with(user(accountant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("金额须为大于 0 的数字，最多两位小数", "value=\"12.345\"", "value=\"HK-2\"")
                .doesNotContain("id=\"repayment-split\"");
        assertThat(repayments()).isZero();
    }

    @Test
    void separatorsOutOfPlaceAreRefusedNotReadAsDigits() throws Exception {
        // "1,2,3" once became 123.00; commas count only between groups of three
        for (String typed : new String[] {"1,2,3", "12,34.00", "1,2345.00", ",100", "100,"}) {
            String page = mvc.perform(post("/projects/" + here.code() + "/repayments/preview")
                            .param("amount", typed).param("valueDate", "2023-03-15").param("voucherNo", "HK-3")
                            .with(user(accountant)).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(typed).contains("千分位逗号须三位一组", "value=\"" + typed + "\"")
                    .doesNotContain("id=\"repayment-split\"");
        }
        String preview = mvc.perform(post("/projects/" + here.code() + "/repayments/preview")
                        .param("amount", "1,234.56").param("valueDate", "2023-03-15").param("voucherNo", "HK-3")
                        .with(user(accountant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"repayment-split\"", "1,234.56");
        assertThat(repayments()).isZero();
    }

    private long entries(String facility, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry l JOIN facility f ON f.id = l.facility_id "
                + "WHERE f.code = ? AND l.entry_type = ?", Long.class, facility, type);
    }

    /** The newest audit row: a preview that wrote one (or anything audited) would move it. */
    private long lastAudit() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDrawdownIsConfirmedWithItsFiguresBeforeItIsPostedOnce() throws Exception {
        cn.baojiaolou.loan.domain.facility.Facility f = fx.facility(new BigDecimal("10000000.00"),
                LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        fx.drawdown(f, new BigDecimal("6000000.00"), LocalDate.of(2023, 1, 1), Fixtures.code("DD"));
        String voucher = Fixtures.code("TK");
        long audit = lastAudit();

        // the confirmation step: the facility and its bank, date, voucher, the amount in figures and 大写, drawn,
        // undrawn and the 专户 before and after; nothing written
        String confirm = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "1,500,000.00")
                .param("valueDate", "2023-04-01").param("voucherNo", voucher).with(user(accountant)).with(csrf()));
        assertThat(confirm).contains("请核对后确认提款", f.code(), f.lender(), f.accountNo(), "2023-04-01", voucher,
                "id=\"confirm-amount\">1,500,000.00<", "壹佰伍拾万元整",
                "入账前 6,000,000.00 元，入账后 7,500,000.00 元", "入账前 4,000,000.00 元，入账后 2,500,000.00 元",
                "name=\"confirmed\" value=\"yes\"", "name=\"amount\" value=\"1500000.00\"", "确认提款");
        assertThat(entries(f.code(), "DRAWDOWN")).isEqualTo(1);
        assertThat(lastAudit()).isEqualTo(audit);

        // 确认提款 posts it, once
        mvc.perform(post("/facilities/" + f.code() + "/drawdowns").param("amount", "1500000.00")
                        .param("valueDate", "2023-04-01").param("voucherNo", voucher).param("confirmed", "yes")
                        .with(user(accountant)).with(csrf()))
                .andExpect(redirectedUrl("/facilities"))
                .andExpect(flash().attribute("notice", "借款批次 " + f.code() + " 的提款已入账。"));
        assertThat(entries(f.code(), "DRAWDOWN")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'DRAWDOWN_POSTED' "
                + "AND target_id = ?", Long.class, audit, f.code())).isEqualTo(1);
        // the same confirmation sent again (a double click, a reload) posts nothing: the voucher is taken, said
        // beside the voucher number
        String again = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "1500000.00")
                .param("valueDate", "2023-04-01").param("voucherNo", voucher).param("confirmed", "yes")
                .with(user(accountant)).with(csrf()));
        assertThat(again).contains("id=\"draw-voucher-" + f.code() + "\"", "is-invalid", "同一凭证号不能重复记账");
        assertThat(entries(f.code(), "DRAWDOWN")).isEqualTo(2);
    }

    @Test
    void aDrawdownOverTheFacilityIsRefusedAtTheConfirmationStepWithTheTypedValuesKept() throws Exception {
        cn.baojiaolou.loan.domain.facility.Facility f = fx.facility(new BigDecimal("10000000.00"),
                LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        fx.drawdown(f, new BigDecimal("6000000.00"), LocalDate.of(2023, 1, 1), Fixtures.code("DD"));
        long audit = lastAudit();
        // one yuan over what is left to draw: refused by the same rule as the posting, beside the amount
        String over = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "4,000,001.00")
                .param("valueDate", "2023-04-01").param("voucherNo", "TK-OVER").with(user(accountant)).with(csrf()));
        assertThat(over).contains("id=\"draw-amount-error-" + f.code() + "\"", "最多还可提款 4,000,000.00 元",
                "value=\"4,000,001.00\"", "value=\"TK-OVER\"", "value=\"2023-04-01\"")
                .doesNotContain("请核对后确认提款");
        // separators out of place are refused, not read as 123
        String typo = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "1,2,3")
                .param("valueDate", "2023-04-01").param("voucherNo", "TK-TYPO").with(user(accountant)).with(csrf()));
        assertThat(typo).contains("id=\"draw-amount-error-" + f.code() + "\"", "千分位逗号须三位一组",
                "value=\"1,2,3\"", "value=\"TK-TYPO\"").doesNotContain("请核对后确认提款");
        // the confirmed form is checked again
        String confirmed = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "4000001.00")
                .param("valueDate", "2023-04-01").param("voucherNo", "TK-OVER").param("confirmed", "yes")
                .with(user(accountant)).with(csrf()));
        assertThat(confirmed).contains("最多还可提款 4,000,000.00 元", "value=\"4000001.00\"");
        assertThat(entries(f.code(), "DRAWDOWN")).isEqualTo(1);
        assertThat(lastAudit()).isEqualTo(audit);

        // a district accountant only reads facilities: refused at the confirmation step already
        LoanUser district = fx.user(Role.ACCOUNTANT, here.district().id());
        String refused = page(post("/facilities/" + f.code() + "/drawdowns").param("amount", "1.00")
                .param("valueDate", "2023-04-01").param("voucherNo", "TK-3").with(user(district)).with(csrf()));
        assertThat(refused).contains("id=\"error\"", "区县用户只能查看").doesNotContain("请核对后确认提款");
        assertThat(entries(f.code(), "DRAWDOWN")).isEqualTo(1);
    }

    @Test
    void aCentralRepaymentIsConfirmedWithPrincipalInterestAndTheAccountBeforeItIsPosted() throws Exception {
        // the fixture facility: 10,000,000.00 drawn on 2023-01-01, 200,000.00 paid out on 2023-03-10; on 2023-04-01
        // the interest settled on 2023-03-20 is due
        String f = here.facilityCode();
        String voucher = Fixtures.code("TH");
        long audit = lastAudit();
        String confirm = page(post("/facilities/" + f + "/repayments").param("principal", "1,000,000.00")
                .param("interest", "1,000.00").param("valueDate", "2023-04-01").param("voucherNo", voucher)
                .with(user(accountant)).with(csrf()));
        assertThat(confirm).contains("请核对后确认统还", f, here.facility().lender(), "2023-04-01", voucher,
                "id=\"confirm-principal\">1,000,000.00<", "壹佰万元整",
                "id=\"confirm-interest\">1,000.00<", "壹仟元整", "其中罚息 0.00 元，利息 1,000.00 元",
                "id=\"confirm-total\">1,001,000.00<", "壹佰万壹仟元整",
                "入账前 10,000,000.00 元，入账后 9,000,000.00 元", "入账前 9,800,000.00 元，入账后 8,799,000.00 元",
                "确认统还");
        assertThat(entries(f, "CENTRAL_REPAYMENT")).isZero();
        assertThat(lastAudit()).isEqualTo(audit);

        mvc.perform(post("/facilities/" + f + "/repayments").param("principal", "1000000.00")
                        .param("interest", "1000.00").param("valueDate", "2023-04-01").param("voucherNo", voucher)
                        .param("confirmed", "yes").with(user(accountant)).with(csrf()))
                .andExpect(redirectedUrl("/facilities"))
                .andExpect(flash().attribute("notice", "借款批次 " + f + " 的统还已入账。"));
        assertThat(entries(f, "CENTRAL_REPAYMENT")).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT l.amount, l.principal, l.interest FROM ledger_entry l JOIN facility x ON "
                + "x.id = l.facility_id WHERE x.code = ? AND l.entry_type = 'CENTRAL_REPAYMENT'", f))
                .containsEntry("amount", new BigDecimal("1001000.00"))
                .containsEntry("principal", new BigDecimal("1000000.00"))
                .containsEntry("interest", new BigDecimal("1000.00"));
    }

    @Test
    void aCentralRepaymentOverThePrincipalIsRefusedBesideItWithTheTypedValuesKept() throws Exception {
        String f = here.facilityCode();
        long audit = lastAudit();
        // one yuan more than the principal outstanding
        String over = page(post("/facilities/" + f + "/repayments").param("principal", "10,000,001.00")
                .param("interest", "").param("valueDate", "2023-04-01").param("voucherNo", "TH-OVER")
                .with(user(accountant)).with(csrf()));
        assertThat(over).contains("id=\"repay-principal-error-" + f + "\"", "统还本金超过未还本金",
                "value=\"10,000,001.00\"", "value=\"TH-OVER\"").doesNotContain("请核对后确认统还");
        String typo = page(post("/facilities/" + f + "/repayments").param("principal", "")
                .param("interest", "1,2,3").param("valueDate", "2023-04-01").param("voucherNo", "TH-TYPO")
                .with(user(accountant)).with(csrf()));
        assertThat(typo).contains("id=\"repay-interest-error-" + f + "\"", "千分位逗号须三位一组",
                "value=\"1,2,3\"", "value=\"TH-TYPO\"").doesNotContain("请核对后确认统还");
        assertThat(entries(f, "CENTRAL_REPAYMENT")).isZero();
        assertThat(lastAudit()).isEqualTo(audit);
    }

    @Test
    void aStatementWithBadLinesIsRefusedWholeAndEveryLineIsListed() throws Exception {
        String csv = """
                交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要
                2023-03-10,2023-03-10,借,200000.00,收款单位,6217001,SN-P-1,,9800000.00,工程款
                2023-03-11,2023-03-11,借,-5.00,甲,,SN-P-2,,1.00,
                2023-03-12,2023-13-12,借,5.00,乙,,SN-P-3,,1.00,
                """;
        long lines = jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement_line", Long.class);
        String page = mvc.perform(multipart("/statements").file(new MockMultipartFile("file", "流水.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("account", here.facilityCode())
                        .with(user(accountant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-errors\"", "有 2 行错误，未导入任何数据", "<td>3</td>", "<td>4</td>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement_line", Long.class)).isEqualTo(lines);

        String good = csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        String done = mvc.perform(multipart("/statements").file(new MockMultipartFile("file", "流水.csv", "text/csv",
                        good.getBytes(StandardCharsets.UTF_8))).param("account", here.facilityCode())
                        .with(user(accountant)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(done).contains("id=\"import-result\"", "新导入 1 行");
    }
}
