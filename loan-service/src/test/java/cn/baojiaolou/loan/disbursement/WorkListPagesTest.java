package cn.baojiaolou.loan.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

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
        assertThat(count(table, "去付款")).isEqualTo(DisbursementPages.WORK_PAGE);
        assertThat(table).contains(">51.00<").doesNotContain(">1.00<");
        assertThat(page).contains("id=\"to-pay-next\"");

        String next = mvc.perform(get("/disbursements/work").param("q", here.code())
                        .param("approvedBefore", String.valueOf(first.id() + 1)).with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(between(next, "id=\"to-pay\"", "</table>"), "去付款")).isEqualTo(1);
        assertThat(next).contains(">1.00<").doesNotContain("id=\"to-pay-next\"");
        assertThat(last.id()).isGreaterThan(first.id());
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
