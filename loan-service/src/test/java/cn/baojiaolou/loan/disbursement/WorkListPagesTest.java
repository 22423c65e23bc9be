package cn.baojiaolou.loan.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.web.PageFormat;

/** 我的待办: what waits to be paid, across projects, and one's own requests sent back with the reviewer's reason. */
@DatabaseTest
class WorkListPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    DisbursementService disbursements;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void approvedRequestsWaitToBePaidAndRejectedOnesComeBackToTheirMakerWithTheReason() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        Milestone m = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        LoanUser maker = fx.user(Role.ACCOUNTANT, null);
        LoanUser colleague = fx.user(Role.ACCOUNTANT, null);
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        Disbursement toPay = fx.as(maker, () -> disbursements.request(here.code(), here.payee().id(), m.id(), "工程款",
                new BigDecimal("12345.67"), null));
        Disbursement approved = fx.as(reviewer, () -> disbursements.approve(toPay.id(), null));
        Disbursement sentBack = fx.as(maker, () -> disbursements.request(here.code(), here.payee().id(), m.id(),
                "工程款", new BigDecimal("2000.00"), null));
        Disbursement rejected = fx.as(reviewer, () -> disbursements.reject(sentBack.id(), "发票与合同金额不符"));

        String page = mvc.perform(get("/disbursements/work").param("q", here.code()).with(user(maker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String toPayTable = between(page, "id=\"to-pay\"", "</table>");
        assertThat(toPayTable).contains(here.code(), "12,345.67", "测试ACCOUNTANT", "测试REVIEWER",
                PageFormat.beijingTime(approved.decidedAt()), "/projects/" + here.code());
        String rejectedTable = between(page, "id=\"rejected\"", "</table>");
        assertThat(rejectedTable).contains("2,000.00", "发票与合同金额不符", "测试REVIEWER",
                PageFormat.beijingTime(rejected.decidedAt()));

        // a colleague sees what waits to be paid, but not the maker's rejected requests
        String other = mvc.perform(get("/disbursements/work").param("q", here.code()).with(user(colleague)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(between(other, "id=\"to-pay\"", "</table>")).contains("12,345.67");
        assertThat(between(other, "id=\"rejected\"", "</table>")).doesNotContain("发票与合同金额不符")
                .contains("没有被退回的申请");

        // another district's accountant sees neither
        LoanUser elsewhere = fx.user(Role.ACCOUNTANT, fx.district().id());
        String far = mvc.perform(get("/disbursements/work").param("q", here.code()).with(user(elsewhere)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(between(far, "id=\"to-pay\"", "</table>")).doesNotContain("12,345.67").contains("没有待支付的拨付");

        // a reviewer's menu has no work list, and the page is refused
        mvc.perform(get("/disbursements/work").with(user(reviewer))).andExpect(status().isForbidden());
    }

    @Test
    void theListPagesByFiftyNewestFirst() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        Milestone m = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        Disbursement first = null;
        Disbursement last = null;
        for (int i = 1; i <= 51; i++) {
            last = fx.approved(here.code(), here.payee(), m, new BigDecimal(i + ".00"));
            first = first == null ? last : first;
        }
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        String page = mvc.perform(get("/disbursements/work").param("q", here.code()).with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = between(page, "id=\"to-pay\"", "</table>");
        assertThat(count(table, "去付款")).isEqualTo(WorkListPages.WORK_PAGE);
        assertThat(table).contains(">51.00<").doesNotContain(">1.00<");
        assertThat(page).contains("id=\"to-pay-next\"");

        String href = between(page, "id=\"to-pay-next\"", ">");
        long after = Long.parseLong(href.replaceAll("(?s).*approvedAfter=(\\d+).*", "$1"));
        String next = mvc.perform(get("/disbursements/work").param("q", here.code()).param("sort", "NEWEST")
                        .param("approvedAfter", String.valueOf(after)).with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(between(next, "id=\"to-pay\"", "</table>"), "去付款")).isEqualTo(1);
        assertThat(next).contains(">1.00<").doesNotContain("id=\"to-pay-next\"");
        assertThat(last.id()).isGreaterThan(first.id());
    }

    @Test
    void theListsSortByAmountPageByKeysetAndExportEveryRowInTheirOrder() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        Milestone m = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        // equal amounts on purpose: the keyset must go on by id within one amount
        for (String amount : List.of("300.00", "100.00", "200.00", "100.00", "25000.01")) {
            fx.approved(here.code(), here.payee(), m, new BigDecimal(amount));
        }
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        List<BigDecimal> ascending = new ArrayList<>();
        // through the service with pages of two rows, as the export reads it
        for (Long last = null; ; ) {
            Long from = last;
            List<Disbursement> page = fx.as(accountant, () -> disbursements.workList(DisbursementStatus.APPROVED,
                    here.code(), WorkSort.AMOUNT_ASC, from, 2));
            page.forEach(d -> ascending.add(d.amount()));
            if (page.size() < 2) {
                break;
            }
            last = page.get(1).id();
        }
        assertThat(ascending).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("100.00"), new BigDecimal("200.00"), new BigDecimal("300.00"),
                new BigDecimal("25000.01"));

        String page = mvc.perform(get("/disbursements/work").param("q", here.code()).param("sort", "AMOUNT_DESC")
                .with(user(accountant))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = between(page, "id=\"to-pay\"", "</table>");
        assertThat(table.indexOf("25,000.01")).isLessThan(table.indexOf(">300.00<"));
        assertThat(table.indexOf(">300.00<")).isLessThan(table.indexOf(">100.00<"));
        assertThat(page).contains("/disbursements/work/to-pay.xlsx?q=" + here.code() + "&amp;sort=AMOUNT_DESC");

        // the export: every row (five, read in keyset batches of two), in the page's order, amounts to the fen
        long audited = exports(accountant);
        MvcResult download = mvc.perform(get("/disbursements/work/to-pay.xlsx").param("q", here.code())
                .param("sort", "AMOUNT_DESC").with(user(accountant))).andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("待支付拨付", "UTF-8"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("待支付拨付");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("项目编号或名称：" + here.code(), "按金额，从大到小", "导出人：测试ACCOUNTANT", "北京时间");
            Row heads = sheet.getRow(2);
            assertThat(heads.getCell(0).getStringCellValue()).isEqualTo("拨付编号");
            assertThat(heads.getCell(5).getStringCellValue()).isEqualTo("金额（元）");
            assertThat(heads.getCell(8).getStringCellValue()).isEqualTo("复核人");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 5);
            List<BigDecimal> amounts = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                amounts.add(new BigDecimal(String.valueOf(sheet.getRow(r).getCell(5).getNumericCellValue()))
                        .setScale(2, java.math.RoundingMode.HALF_UP));
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo(here.code());
                // the fixtures' own reviewer has no user row, so no 姓名: its login stands in
                assertThat(sheet.getRow(r).getCell(8).getStringCellValue()).isEqualTo("fixture-reviewer");
            }
            assertThat(amounts).usingElementComparator(BigDecimal::compareTo).containsExactly(
                    new BigDecimal("25000.01"), new BigDecimal("300.00"), new BigDecimal("200.00"),
                    new BigDecimal("100.00"), new BigDecimal("100.00"));
            assertThat(sheet.getRow(3).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        // taking the list out of the system is audited, with what was taken
        assertThat(exports(accountant)).isEqualTo(audited + 1);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE username = ? AND action = "
                + "'LIST_EXPORTED' ORDER BY id DESC LIMIT 1", String.class, accountant.username()))
                .startsWith("rows=5;").contains(here.code());

        // a reviewer has no 待支付 to export
        mvc.perform(get("/disbursements/work/to-pay.xlsx").with(user(fx.user(Role.REVIEWER, null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReviewQueueFiltersSortsAndExportsAndShowsTheMakerByName() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        Milestone m = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        LoanUser maker = fx.user(Role.ACCOUNTANT, null);
        for (String amount : List.of("10.00", "30.00", "20.00")) {
            fx.as(maker, () -> disbursements.request(here.code(), here.payee().id(), m.id(), "工程款",
                    new BigDecimal(amount), null));
        }
        LoanUser reviewer = fx.user(Role.REVIEWER, null);
        String page = mvc.perform(get("/review").param("q", here.code()).param("sort", "AMOUNT_ASC")
                .with(user(reviewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = between(page, "id=\"review-table\"", "</table>");
        assertThat(count(table, "class=\"btn btn-sm btn-success approve\"")).isEqualTo(3);
        assertThat(table.indexOf(">10.00<")).isLessThan(table.indexOf(">20.00<"));
        assertThat(table.indexOf(">20.00<")).isLessThan(table.indexOf(">30.00<"));
        assertThat(table).contains("测试ACCOUNTANT").doesNotContain(">" + maker.username() + "<");

        byte[] xlsx = mvc.perform(get("/review/requests.xlsx").param("q", here.code()).param("sort", "AMOUNT_ASC")
                .with(user(reviewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 3);
            assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(10.0);
            assertThat(sheet.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(30.0);
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("测试ACCOUNTANT");
        }
        mvc.perform(get("/review/requests.xlsx").with(user(maker))).andExpect(status().isForbidden());
    }

    private long exports(LoanUser u) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'LIST_EXPORTED'",
                Long.class, u.username());
    }

    private static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as(from).isNotNegative();
        return text.substring(i, text.indexOf(to, i));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
