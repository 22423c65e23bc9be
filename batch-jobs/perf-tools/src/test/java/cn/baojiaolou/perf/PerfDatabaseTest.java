package cn.baojiaolou.perf;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the performance tools against a real database of their own (the embedded MariaDB, fresh under this
 * module's target/, or LOAN_DB_URL): the tools refuse a database with any data they did not generate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PerfToolsApplication.class)
public @interface PerfDatabaseTest {
}
