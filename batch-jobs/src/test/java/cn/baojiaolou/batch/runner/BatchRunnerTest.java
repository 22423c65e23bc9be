package cn.baojiaolou.batch.runner;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.domain.facility.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's commands and exit codes: 0 success, 1 failure, 2 usage error. */
@BatchDatabaseTest
class BatchRunnerTest {

    @Autowired
    BatchRunner runner;
    @Autowired
    BatchFixtures fx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFutureBusinessDateIsRefusedWithExitCode1() throws Exception {
        assertThat(run("nightly", "--business-date=" + LocalDate.now().plusDays(2))).isEqualTo(1);
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        assertThat(run("nightly", "--business-date=2023-13-45")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("import-statement", "/no/such/file.csv", "--account=X")).isEqualTo(2);
        assertThat(run("import-statement")).isEqualTo(2);
    }

    @Test
    void importStatementImportsAGbkFileOnceAndRefusesABadOneWhole(@TempDir Path dir) throws Exception {
        Facility f = fx.facility(Fixtures.FACILITY_AMOUNT, Fixtures.FACILITY_START,
                LocalDate.of(2027, 12, 31));
        String serial = Fixtures.code("SN");
        Path good = dir.resolve("专户流水.csv");
        Files.writeString(good, """
                交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要
                2023-01-01,2023-01-01,贷,"10,000,000.00",国家开发银行,,%s,,10000000.00,提款
                2023-02-10,2023-02-10,借,150000.00,湖南建工集团有限公司,6217000011112222,%s-2,PZ-1,9850000.00,工程款
                """.formatted(serial, serial), Charset.forName("GBK"));
        assertThat(run("import-statement", good.toString(), "--account=" + f.code())).isZero();
        assertThat(lines(f)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT counterparty_name FROM bank_statement_line WHERE facility_id = ? "
                + "AND direction = 'DEBIT'", String.class, f.id())).isEqualTo("湖南建工集团有限公司");
        assertThat(run("import-statement", good.toString(), "--account=" + f.code())).isZero();
        assertThat(lines(f)).isEqualTo(2);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要
                2023-03-01,2023-03-01,借,-5.00,甲,,%s-3,,1.00,
                2023-03-02,2023-03-02,借,5.00,乙,,%s-4,,1.00,
                """.formatted(serial, serial));
        assertThat(run("import-statement", bad.toString(), "--account=" + f.code())).isEqualTo(1);
        assertThat(lines(f)).isEqualTo(2);
        assertThat(run("import-statement", good.toString(), "--account=NO-SUCH-FACILITY")).isEqualTo(1);
    }

    private int lines(Facility f) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement_line WHERE facility_id = ?", Integer.class,
                f.id());
    }

    private int run(String... args) throws Exception {
        runner.run(new DefaultApplicationArguments(args));
        return runner.getExitCode();
    }
}
