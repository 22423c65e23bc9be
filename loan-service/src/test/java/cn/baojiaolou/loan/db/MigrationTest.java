package cn.baojiaolou.loan.db;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The schema of record (sql/V1__ledger_schema.sql) as Flyway applied it to the database the tests run on. */
@DatabaseTest
class MigrationTest {

    private static final Set<String> TABLES = Set.of("district", "app_user", "facility", "project", "payee",
            "allocation", "milestone", "milestone_verification", "disbursement", "project_repayment", "ledger_entry",
            "audit_event", "audit_chain_head", "idempotency_record");

    /** Every money column of the schema: DECIMAL(18,2), in 元. */
    private static final Set<String> MONEY = Set.of("facility.amount", "project.funding_gap", "allocation.amount",
            "disbursement.amount", "project_repayment.amount", "ledger_entry.amount", "ledger_entry.principal",
            "ledger_entry.interest", "ledger_entry.penalty", "ledger_entry.account_effect");

    /** The only decimals that are not money: rates and percentages. */
    private static final Map<String, String> NOT_MONEY = Map.of("facility.annual_rate", "decimal(9,6)",
            "facility.penalty_markup", "decimal(9,6)", "milestone.cumulative_cap_percent", "decimal(5,2)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    Fixtures fx;
    @Autowired
    Api api;

    @Test
    void flywayHistoryShowsV1AppliedSuccessfully() {
        List<Map<String, Object>> history = jdbc.queryForList("SELECT version, description, type, script, success"
                + " FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(history).isNotEmpty();
        Map<String, Object> v1 = history.get(0);
        assertThat(v1.get("version")).isEqualTo("1");
        assertThat(v1.get("description")).isEqualTo("ledger schema");
        assertThat(v1.get("type")).isEqualTo("SQL");
        assertThat(v1.get("script")).isEqualTo("V1__ledger_schema.sql");
        assertThat(v1.get("success")).isIn(true, 1, 1L, (byte) 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0", Long.class))
                .isZero();

        MigrationInfo current = flyway.info().current();
        assertThat(current.getState()).isEqualTo(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        // the checksum recorded is the one of the script on the classpath: the applied schema is the script
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void everyTableAndTextColumnIsUtf8mb4() {
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT TABLE_NAME, TABLE_COLLATION, ENGINE FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> t : tables) {
            String name = (String) t.get("TABLE_NAME");
            names.add(name);
            if (TABLES.contains(name)) {
                assertThat((String) t.get("TABLE_COLLATION")).as(name).isEqualTo("utf8mb4_unicode_ci");
                assertThat(t.get("ENGINE")).as(name).isEqualTo("InnoDB");
            }
        }
        assertThat(names).containsAll(TABLES);

        List<Map<String, Object>> textColumns = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL");
        assertThat(textColumns).isNotEmpty();
        for (Map<String, Object> c : textColumns) {
            if (TABLES.contains((String) c.get("TABLE_NAME"))) {
                assertThat(c.get("CHARACTER_SET_NAME")).as(c.get("TABLE_NAME") + "." + c.get("COLUMN_NAME"))
                        .isEqualTo("utf8mb4");
            }
        }
        assertThat(jdbc.queryForObject("SELECT @@character_set_connection", String.class)).isEqualTo("utf8mb4");
    }

    @Test
    void moneyIsDecimal18Comma2AndNothingIsFloatingPoint() {
        List<Map<String, Object>> decimals = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN"
                + " ('decimal', 'float', 'double', 'real')");
        Set<String> money = new TreeSet<>();
        for (Map<String, Object> c : decimals) {
            String column = c.get("TABLE_NAME") + "." + c.get("COLUMN_NAME");
            if (!TABLES.contains((String) c.get("TABLE_NAME"))) {
                continue;
            }
            String type = ((String) c.get("COLUMN_TYPE")).toLowerCase();
            if (NOT_MONEY.containsKey(column)) {
                assertThat(type).as(column).isEqualTo(NOT_MONEY.get(column));
            } else {
                assertThat(type).as(column).isEqualTo("decimal(18,2)");
                money.add(column);
            }
        }
        assertThat(money).containsExactlyInAnyOrderElementsOf(MONEY);
    }

    @Test
    void moneyKeepsItsFenExactlyAtTheLargestAmount() {
        String facility = fx.facility(new BigDecimal("99999999999.99"), "0.028", java.time.LocalDate.of(2023, 1, 1),
                java.time.LocalDate.of(2027, 12, 31));
        BigDecimal stored = jdbc.queryForObject("SELECT amount FROM facility WHERE code = ?", BigDecimal.class,
                facility);
        assertThat(stored).isEqualByComparingTo("99999999999.99");
        assertThat(stored.scale()).isEqualTo(2);
    }

    @Test
    void chineseTextRoundTripsIncludingFourByteCharacters() throws Exception {
        // 𠮷 (U+20BB7) needs 4 bytes in UTF-8: it only survives in utf8mb4, not in MySQL's 3-byte utf8
        String name = "零陵区保交楼·吾悦华府（𠮷祥苑）专项借款";
        String code = Fixtures.code("D");
        jdbc.update("INSERT INTO district (code, name) VALUES (?, ?)", code, name);
        assertThat(jdbc.queryForObject("SELECT name FROM district WHERE code = ?", String.class, code))
                .isEqualTo(name);
        assertThat(jdbc.queryForObject("SELECT CHAR_LENGTH(name) FROM district WHERE code = ?", Integer.class, code))
                .isEqualTo(name.codePointCount(0, name.length()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE name = ?", Long.class, name))
                .isEqualTo(1);

        // and through the API: written as JSON, read back as JSON
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        String project = Fixtures.code("P");
        String projectName = "香零公馆（𠮷）续建工程";
        api.post(accountant, "/api/v1/projects", """
                {"code":"%s","name":"%s","district":"%s","developer":"永州香零置业有限公司（破产重整）",
                 "totalUnits":300,"planText":"一楼一策：引入代建，复工续建，2024年交付。","responsibleOfficial":"李四"}
                """.formatted(project, projectName, code)).andExpect(status().isCreated());
        api.get(accountant, "/api/v1/projects/{code}", project).andExpect(status().isOk())
                .andExpect(jsonPath("$.project.name").value(projectName))
                .andExpect(jsonPath("$.project.districtName").value(name))
                .andExpect(jsonPath("$.project.developer").value("永州香零置业有限公司（破产重整）"))
                .andExpect(jsonPath("$.project.planText").value("一楼一策：引入代建，复工续建，2024年交付。"));
        assertThat(jdbc.queryForObject("SELECT name FROM project WHERE code = ?", String.class, project))
                .isEqualTo(projectName);
    }
}
