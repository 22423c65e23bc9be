package cn.baojiaolou.loan.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.ServiceProcess;

/**
 * The demo in a JVM of its own, on an empty schema: health and readiness say OUT_OF_SERVICE until the demo data has
 * finished loading (a 台账 downloaded before then would be incomplete), UP after; the demo opens the API's
 * description.
 */
@DatabaseTest
class DemoReadinessTest {

    static final String SCHEMA = "loan_demo_readiness";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readinessWaitsForTheDemoDataAndTheDemoOpensTheApiDescription() throws Exception {
        TestDatabase db = TestDatabase.of(dataSource);
        jdbc.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        try (ServiceProcess demo = ServiceProcess.start("demo", 0, db.withSchema(SCHEMA), db.user(), db.password(),
                "--spring.profiles.active=demo")) {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            boolean sawLoading = false;
            while (System.nanoTime() < deadline) {
                // health first: it can only go from 503 to 200, so a 503 readiness read after it
                // means health was read while loading too (the other order races the loader's end)
                int health = demo.status("/actuator/health");
                int readiness = demo.status("/actuator/health/readiness");
                boolean loaded = Files.readString(demo.log()).contains("演示数据加载完成");
                if (readiness == 200) {
                    // the first UP comes after the loader said it was done, never before
                    assertThat(loaded).as("readiness UP before the demo data was loaded").isTrue();
                    break;
                }
                if (readiness == 503) {
                    sawLoading = true;
                    assertThat(health).as("/actuator/health while loading").isEqualTo(503);
                }
                seen.add(readiness + "/" + health);
                Thread.sleep(200);
            }
            assertThat(demo.status("/actuator/health/readiness")).as("ready in time; saw %s", seen).isEqualTo(200);
            assertThat(sawLoading).as("readiness answered OUT_OF_SERVICE while loading").isTrue();
            assertThat(demo.status("/actuator/health")).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SCHEMA + ".project", Integer.class))
                    .isGreaterThanOrEqualTo(16);
            // the demo's API description needs no login
            assertThat(demo.status("/v3/api-docs")).isEqualTo(200);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }
}
