package cn.baojiaolou.perf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance tools refuse a database that holds anything they did not generate: one project whose code does
 * not start with GEN- is enough, and nothing is generated or undone.
 */
@PerfDatabaseTest
class GeneratedDataOnlyTest {

    @Autowired
    PerfRunner runner;
    @Autowired
    GeneratedDataOnly guard;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBureausProjectInTheDatabaseStopsEveryCommand() throws Exception {
        assertThat(guard.refusal()).as("this module's test database holds generated data only").isNull();
        jdbc.update("INSERT INTO district (code, name) VALUES ('431102-T', '零陵区（测试）')");
        Long district = jdbc.queryForObject("SELECT id FROM district WHERE code = '431102-T'", Long.class);
        jdbc.update("INSERT INTO project (code, name, district_id, developer, total_units, status, created_at, "
                + "created_by) VALUES ('LL-01', '吾悦华府', ?, '永州市潇湘源城市发展有限公司', 565, 'RESUMED', "
                + "UTC_TIMESTAMP(6), 'test')", district);
        long projects = count("project");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (String command : new String[] {"generate", "benchmark", "report-benchmark"}) {
                runner.run(new DefaultApplicationArguments(command, "--scale=0.0005", "--rows=30"));
                assertThat(runner.getExitCode()).as(command).isEqualTo(1);
            }
        } finally {
            System.setOut(original);
            jdbc.update("DELETE FROM project WHERE code = 'LL-01'");
            jdbc.update("DELETE FROM district WHERE id = ?", district);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("拒绝运行", "LL-01", "GEN-");
        assertThat(projects).isEqualTo(1 + count("project"));
        assertThat(guard.refusal()).isNull();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
