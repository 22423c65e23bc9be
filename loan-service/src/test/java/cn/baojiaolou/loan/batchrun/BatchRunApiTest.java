package cn.baojiaolou.loan.batchrun;

import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
        api.get(fx.user(Role.AUDITOR, null), "/api/v1/batch-runs").andExpect(status().isOk());
        api.get(fx.user(Role.ACCOUNTANT, null), "/api/v1/batch-runs").andExpect(status().isForbidden());
        api.get(fx.user(Role.REVIEWER, null), "/api/v1/batch-runs").andExpect(status().isForbidden());
    }
}
