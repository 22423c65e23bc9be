package cn.baojiaolou.loan.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;

/**
 * The project lock holds the project's row and nothing else: a locking read over a join locks every joined row in
 * InnoDB, and a lock on the district's row would queue every posting of a district behind every other.
 */
@DatabaseTest
class ProjectLockScopeTest {

    @Autowired
    Fixtures fx;
    @Autowired
    ProjectMapper projects;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void aProjectsLockLeavesItsDistrictRowFreeAndHoldsItsOwn() throws Exception {
        Project p = projects.findByCode(fx.ready(new BigDecimal("1000000.00")).code());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(txManager).executeWithoutResult(s -> {
            assertThat(projects.lock(p.id()).code()).isEqualTo(p.code());
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("SET SESSION innodb_lock_wait_timeout = 1");
                try (ResultSet rs = st.executeQuery("SELECT id FROM district WHERE id = " + p.districtId()
                        + " FOR UPDATE")) {
                    assertThat(rs.next()).as("the district's row is free").isTrue();
                }
                assertThatThrownBy(() -> st.executeQuery("SELECT id FROM project WHERE id = " + p.id() + " FOR UPDATE"))
                        .as("the project's row is held").isInstanceOf(SQLException.class)
                        .hasMessageContaining("Lock wait timeout");
                c.rollback();
            }
        } finally {
            release.countDown();
            holder.join(30_000);
        }
    }
}
