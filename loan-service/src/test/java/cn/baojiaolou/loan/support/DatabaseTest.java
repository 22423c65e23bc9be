package cn.baojiaolou.loan.support;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the real database: the embedded MariaDB 11.4 by default (fresh under target/), or the server
 * LOAN_DB_URL names. All such tests share one Spring context and one schema; they keep out of each other's way by
 * creating their own districts, facilities and projects with unique codes ({@link Fixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// reports are signed in tests as in the demo: a self-signed keystore under target/, created on the first run;
// list exports read in keyset batches of 2 rows, so an export of three rows already crosses a batch boundary
@SpringBootTest(properties = {"loan.reports.signing.path=target/report-signing.p12",
        "loan.reports.signing.password=test", "loan.reports.signing.create-self-signed=true",
        "loan.export.batch-size=2"})
@AutoConfigureMockMvc
@Import({Fixtures.class, Api.class, ContractValidation.class})
public @interface DatabaseTest {
}
