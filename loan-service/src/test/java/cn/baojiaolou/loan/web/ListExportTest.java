package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * The lists' XLSX exports beyond the work lists, audit log and exceptions (tested beside their pages): the same rows
 * as the page under its filter and in its order, every row rather than one page, and another district's rows never.
 */
@DatabaseTest
class ListExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    cn.baojiaolou.loan.court.CourtRegister court;

    @Test
    void theProjectListExportsEveryRowOfItsFilterInItsOrderWithLabels() throws Exception {
        District d = fx.district();
        List<Project> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(fx.project(d, LocalDate.of(2026, 6, 30), 100 + i));
        }
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        byte[] xlsx = mvc.perform(get("/projects/projects.xlsx").param("district", d.code()).param("sort", "code")
                .param("dir", "desc").with(user(accountant))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目清单");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("区县：" + d.code(), "项目编号 ▼");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("状态");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 3);
            // code descending: the last made first
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(made.stream().map(Project::code)
                    .max(String::compareTo).orElseThrow());
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo(d.name());
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).doesNotContain("STOPPED", "RESUMED");
            assertThat((long) sheet.getRow(5).getCell(6).getNumericCellValue()).isBetween(100L, 102L);
            assertThat(new BigDecimal(String.valueOf(sheet.getRow(3).getCell(8).getNumericCellValue())))
                    .isEqualByComparingTo(made.get(0).fundingGap());
        }
        // a district user exports only their own district: another district's list comes out empty
        LoanUser elsewhere = fx.user(Role.ACCOUNTANT, fx.district().id());
        byte[] none = mvc.perform(get("/projects/projects.xlsx").param("district", d.code()).with(user(elsewhere)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(none))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void theReportArchiveFindsAProjectsReportsPagesAndExportsThemWithTheWholeHash() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        for (String day : List.of("2024-01-31", "2024-02-29", "2024-03-31")) {
            mvc.perform(get("/reports/download/project-ledger.pdf").param("project", here.code())
                    .param("businessDate", day).with(user(accountant))).andExpect(status().isOk());
        }
        String page = mvc.perform(get("/reports").param("archiveQ", here.code()).with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"archive-table\""), page.indexOf("</table>",
                page.indexOf("id=\"archive-table\"")));
        // newest business date first; the project named; the person by 姓名; the hash shortened
        assertThat(table.indexOf("2024-03-31")).isPositive().isLessThan(table.indexOf("2024-01-31"));
        assertThat(table).contains("项目 " + here.code(), "测试ACCOUNTANT", "…").doesNotContain(">" + accountant
                .username() + "<");

        byte[] xlsx = mvc.perform(get("/reports/archive.xlsx").param("archiveQ", here.code())
                        .param("archiveKind", "project-ledger").with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("报表存档清单");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 3);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("项目专项借款台账");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("2024-03-31");
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("2024-01-31");
            String sha = sheet.getRow(3).getCell(8).getStringCellValue();
            assertThat(sha).hasSize(64).matches("[0-9a-f]{64}");
            assertThat(table).contains(sha.substring(0, 16) + "…");
        }
    }

    @Test
    void theUserListExportsNamesRolesScopesAndStatesInWordsForAdminsOnly() throws Exception {
        District d = fx.district();
        LoanUser local = fx.user(Role.REVIEWER, d.id());
        LoanUser admin = fx.user(Role.ADMIN, null);
        byte[] xlsx = mvc.perform(get("/users/users.xlsx").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户清单");
            org.apache.poi.ss.usermodel.Row row = null;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(local.username())) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).as("the district reviewer's row").isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(local.displayName());
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("复核");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(d.name());
            assertThat(row.getCell(4).getStringCellValue()).doesNotContain("true", "false");
        }
        // the page filters by login or 姓名 and role, and its export follows the filter
        String page = mvc.perform(get("/users").param("q", local.username()).param("role", "REVIEWER")
                .with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.split("<tr id=\"user-", -1)).hasSize(2);
        assertThat(page).contains("id=\"user-" + local.username() + "\"");
        byte[] one = mvc.perform(get("/users/users.xlsx").param("q", local.username()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(one))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2 + 1);
        }
        mvc.perform(get("/users/users.xlsx").with(user(local))).andExpect(status().isForbidden());
    }

    @Test
    void theFacilitiesAndTheCourtRegisterExportTheirRowsWithBalancesAndStatesInWords() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        fx.as(accountant, () -> court.registerFreeze(new cn.baojiaolou.loan.court.CourtRegister.NewFreeze(
                here.facility().code(), "零陵区人民法院", "（2024）湘1102执123号", new BigDecimal("12345.67"),
                LocalDate.of(2024, 5, 6), "诉讼保全", null)));

        byte[] facilities = mvc.perform(get("/facilities/facilities.xlsx").with(user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(facilities))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("借款批次清单");
            org.apache.poi.ss.usermodel.Row row = rowOf(sheet, here.facility().code());
            assertThat(new BigDecimal(String.valueOf(row.getCell(5).getNumericCellValue())))
                    .isEqualByComparingTo(here.facility().amount());
            assertThat(new BigDecimal(String.valueOf(row.getCell(6).getNumericCellValue())))
                    .isEqualByComparingTo(here.drawdown().amount());
            // 3.6 %, as a rate cell (Excel shows 3.60%)
            assertThat(new BigDecimal(String.valueOf(row.getCell(10).getNumericCellValue())))
                    .isEqualByComparingTo("0.036");
            assertThat(row.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.00##%");
        }

        byte[] freezes = mvc.perform(get("/court-actions/freezes.xlsx").param("facility", here.facility().code())
                .with(user(accountant))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(freezes))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("司法冻结");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(here.facility().code());
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 1);
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(3);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("零陵区人民法院");
            assertThat(new BigDecimal(String.valueOf(row.getCell(3).getNumericCellValue())))
                    .isEqualByComparingTo("12345.67");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("冻结中");
        }
    }

    private static org.apache.poi.ss.usermodel.Row rowOf(Sheet sheet, String firstCell) {
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r).getCell(0).getStringCellValue().equals(firstCell)) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row " + firstCell);
    }
}
