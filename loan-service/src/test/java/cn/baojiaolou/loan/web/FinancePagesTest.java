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

/** The accountants' money pages: a repayment previewed then posted, 提款, and a statement upload refused whole. */
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

    @Test
    void aDrawdownIsPostedAndADistrictAccountantIsRefused() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry l JOIN facility f ON f.id = l.facility_id "
                + "WHERE f.code = ? AND l.entry_type = 'DRAWDOWN'", Long.class, here.facilityCode());
        // the fixture facility is fully drawn: one yuan more is refused, in Chinese
        mvc.perform(post("/facilities/" + here.facilityCode() + "/drawdowns").param("amount", "1.00")
                        .param("valueDate", "2023-04-01").param("voucherNo", "TK-2").with(user(accountant)).with(csrf()))
                .andExpect(redirectedUrl("/facilities"))
                .andExpect(flash().attributeExists("error"));
        LoanUser district = fx.user(Role.ACCOUNTANT, here.district().id());
        mvc.perform(post("/facilities/" + here.facilityCode() + "/drawdowns").param("amount", "1.00")
                        .param("valueDate", "2023-04-01").param("voucherNo", "TK-3").with(user(district)).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry l JOIN facility f ON f.id = l.facility_id "
                + "WHERE f.code = ? AND l.entry_type = 'DRAWDOWN'", Long.class, here.facilityCode())).isEqualTo(before);
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
