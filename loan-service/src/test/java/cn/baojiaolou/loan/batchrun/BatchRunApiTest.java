package cn.baojiaolou.loan.batchrun;

import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The recent nightly runs as the job repository recorded them, for admins and auditors only. */
@DatabaseTest
class BatchRunApiTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recentRunsShowDateStatusDurationAndStepCounts() throws Exception {
        long instance = 900_000 + System.nanoTime() % 90_000;
        long execution = instance;
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, "
                + "'nightlyClose', ?)", instance, Long.toHexString(instance));
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, "
                + "START_TIME, END_TIME, STATUS, EXIT_CODE) VALUES (?, 1, ?, '2099-01-01 02:00:00', "
                + "'2099-01-01 02:00:00', '2099-01-01 02:00:07.500', 'COMPLETED', 'COMPLETED')", execution, instance);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) VALUES (?, 'businessDate', 'java.time.LocalDate', '2023-07-31', 'Y')",
                execution);
        jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, "
                + "CREATE_TIME, START_TIME, END_TIME, STATUS, READ_COUNT, WRITE_COUNT) VALUES (?, 1, 'accrue', ?, "
                + "'2099-01-01 02:00:00', '2099-01-01 02:00:00', '2099-01-01 02:00:02', 'COMPLETED', 10000, 10020)",
                execution, execution);
        try {
            assertRunShown(execution);
        } finally {
            // a completed close of 2023-07-31 with no business day would read as a lost day to every later close
            // on this database (NightlyClose refuses it): the made-up run goes again
            jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?", execution);
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
            jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", instance);
        }
    }

    private void assertRunShown(long execution) throws Exception {
        api.get(fx.user(Role.ADMIN, null), "/api/v1/batch-runs?limit=500")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$[0].executionId").value(execution))
                .andExpect(jsonPath("$[0].businessDate").value("2023-07-31"))
                .andExpect(jsonPath("$[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$[0].durationMillis").value(7500))
                .andExpect(jsonPath("$[0].steps[0].name").value("accrue"))
                .andExpect(jsonPath("$[0].steps[0].readCount").value(10000))
                .andExpect(jsonPath("$[0].steps[0].writeCount").value(10020))
                .andExpect(jsonPath("$[0].steps[0].durationMillis").value(2000));
        // Spring Batch wrote the batch JVM's local time; the API answers the instant (in Beijing's offset, as all its
        // times) and the page Beijing time
        java.time.ZonedDateTime started = java.time.LocalDateTime.parse("2099-01-01T02:00:00")
                .atZone(java.time.ZoneId.systemDefault());
        api.get(fx.user(Role.ADMIN, null), "/api/v1/batch-runs?limit=1")
                .andExpect(jsonPath("$[0].startTime").value(started.withZoneSameInstant(java.time.ZoneId.of(
                        "Asia/Shanghai")).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        String beijing = started.withZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String page = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/batch-runs").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(fx.user(Role.ADMIN, null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("开始（北京时间）", beijing, ">完成<", "计息 10000/10020", ">7.5<")
                .doesNotContain(">COMPLETED<", "accrue");
        byte[] xlsx = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/batch-runs/runs.xlsx").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(fx.user(Role.ADMIN, null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var first = book.getSheetAt(0).getRow(3);
            assertThat((long) first.getCell(0).getNumericCellValue()).isEqualTo(execution);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("完成");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo(beijing);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("计息 10000/10020");
        }
        api.get(fx.user(Role.AUDITOR, null), "/api/v1/batch-runs").andExpect(status().isOk());
        api.get(fx.user(Role.ACCOUNTANT, null), "/api/v1/batch-runs").andExpect(status().isForbidden());
        api.get(fx.user(Role.REVIEWER, null), "/api/v1/batch-runs").andExpect(status().isForbidden());
    }
}
