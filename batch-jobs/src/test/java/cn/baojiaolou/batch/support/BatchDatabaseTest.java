package cn.baojiaolou.batch.support;

import cn.baojiaolou.batch.BatchJobsApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A batch-jobs test against the real database (the embedded MariaDB, fresh under target/, or LOAN_DB_URL). All
 * such tests share one Spring context and one schema and keep out of each other's way by creating their own
 * districts, facilities and projects with unique codes ({@link BatchFixtures}) and by looking only at findings and
 * matches of their own rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BatchJobsApplication.class)
@Import(BatchFixtures.class)
public @interface BatchDatabaseTest {
}
