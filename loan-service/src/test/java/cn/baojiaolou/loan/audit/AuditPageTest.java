package cn.baojiaolou.loan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/** 审计日志 as an auditor reads it: labels not codes, Beijing time, 姓名, pages of 50, filters. */
@DatabaseTest
class AuditPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    @Test
    void rowsShowLabelsBeijingTimeAndNamesAndPageByFifty() throws Exception {
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String target = Fixtures.code("AUD");
        for (int i = 0; i < 51; i++) {
            audit.record(accountant.username(), "PROJECT_CREATED", "project", target, AuditTrail.SUCCESS, "n=" + i);
        }
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE target_id = ?", Long.class, target);
        LocalDateTime utc = jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = ?",
                LocalDateTime.class, newest);

        String page = mvc.perform(get("/audit").param("targetType", "project").param("targetId", target)
                        .with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Beijing is UTC+8 all year
        String beijing = utc.plusHours(8).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(page).contains("时间（北京时间）", beijing, "新增项目", "项目 " + target,
                "测试ACCOUNTANT（" + accountant.username() + "）", ">成功<")
                .doesNotContain(">PROJECT_CREATED<", ">SUCCESS<");
        assertThat(count(page, "新增项目</td>")).isEqualTo(AuditPage.PAGE_SIZE);
        // the 51st, oldest row is on the next page, which starts below the last id shown
        assertThat(page).contains("id=\"audit-next\"", "before=" + (newest - 49));

        String second = mvc.perform(get("/audit").param("targetType", "project").param("targetId", target)
                        .param("before", String.valueOf(newest - 49)).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(second, "新增项目</td>")).isEqualTo(1);
        assertThat(second).doesNotContain("id=\"audit-next\"");
    }

    @Test
    void oldestFirstPagesUpwardsAndTheExportHoldsEveryRowInThatOrderInChinese() throws Exception {
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String target = Fixtures.code("AUDX");
        for (int i = 0; i < 53; i++) {
            audit.record(accountant.username(), "DISBURSEMENT_PAID", "project", target, AuditTrail.SUCCESS, "n=" + i);
        }
        long oldest = jdbc.queryForObject("SELECT MIN(id) FROM audit_event WHERE target_id = ?", Long.class, target);
        String page = mvc.perform(get("/audit").param("targetId", target).param("sort", "OLDEST")
                .with(user(auditor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("n=0<")).isPositive().isLessThan(page.indexOf("n=1<"));
        assertThat(page).doesNotContain("n=50<").contains("before=" + (oldest + 49), "下一页（更晚的记录）")
                .contains("/audit/events.xlsx?username=&amp;action=&amp;targetType=&amp;targetId=" + target
                        + "&amp;from=&amp;to=&amp;sort=OLDEST");
        String later = mvc.perform(get("/audit").param("targetId", target).param("sort", "OLDEST")
                        .param("before", String.valueOf(oldest + 49)).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(later, "拨付支付</td>")).isEqualTo(3);
        assertThat(later).contains("n=50<", "n=52<").doesNotContain("n=49<", "id=\"audit-next\"");

        // all 53 rows, oldest first, labelled as the page labels them (read in batches of two)
        byte[] xlsx = mvc.perform(get("/audit/events.xlsx").param("targetId", target).param("sort", "OLDEST")
                .with(user(auditor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("审计日志");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("从旧到新", "导出人：测试AUDITOR");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("时间（北京时间）");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 53);
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("n=0");
            assertThat(sheet.getRow(55).getCell(6).getStringCellValue()).isEqualTo("n=52");
            assertThat((long) sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(oldest);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue())
                    .isEqualTo("测试ACCOUNTANT（" + accountant.username() + "）");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).doesNotContain("DISBURSEMENT_PAID");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("成功");
        }
        // and the export left its own row, naming the list and the rows taken
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE username = ? AND action = 'LIST_EXPORTED'",
                String.class, auditor.username())).startsWith("rows=53;").contains(target);
        // an accountant may not read the trail, nor export it
        mvc.perform(get("/audit/events.xlsx").with(user(accountant))).andExpect(status().isForbidden());
    }

    @Test
    void aFilterByActionAndTheSystemPrincipalAreShownInChinese() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String target = Fixtures.code("AUDS");
        audit.refusal("system", "REPORT_ARCHIVED", "report", target, AuditTrail.SUCCESS, null);
        audit.refusal(auditor.username(), "ACCESS_DENIED", "endpoint", target, AuditTrail.DENIED, null);

        String page = mvc.perform(get("/audit").param("action", "REPORT_ARCHIVED").param("targetId", target)
                        .with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("报表归档", "系统（日终作业）", "badge text-bg-secondary")
                .doesNotContain("越权访问被拒绝</td>");
        // the filter offers actions by label and keeps the chosen one
        assertThat(page).contains("<option value=\"REPORT_ARCHIVED\" selected=\"selected\">报表归档</option>");

        String denied = mvc.perform(get("/audit").param("action", "ACCESS_DENIED").param("targetId", target)
                        .with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(denied).contains("越权访问被拒绝</td>", ">拒绝<", "badge text-bg-danger");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
