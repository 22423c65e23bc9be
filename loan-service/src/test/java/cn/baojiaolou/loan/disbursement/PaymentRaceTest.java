package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

import cn.baojiaolou.loan.audit.AuditChainCheck;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.domain.project.Allocation;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments and allocations racing for the last yuan of a cap: the row locks must serialise them so that the cap holds
 * however the threads interleave, and every loser is refused with the rule it broke (not a deadlock or a timeout).
 */
@DatabaseTest
class PaymentRaceTest {

    private static final int THREADS = 16;

    @Autowired
    Fixtures fx;
    @Autowired
    DisbursementService disbursements;
    @Autowired
    ProjectService projects;
    @Autowired
    FacilityService facilities;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChainCheck chain;

    /** The outcome of one racing call: the result, or the refusal. */
    private record Outcome<T>(int index, T result, Throwable error) {
    }

    @Test
    void concurrentPaymentsNeverExceedTheUnlockedCap() throws Exception {
        // allocation 1,000,000.00; 复工 verified unlocks 20% = 200,000.00
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        BigDecimal cap = new BigDecimal("200000.00");

        // 16 approved requests of 10,000.00 + i × 1,234.56: 308,147.20 in all, well past the cap. Requests reserve
        // their amount (no request past the headroom is accepted), so these arrive by another route (migrated
        // approved requests); the payments must still hold the cap among themselves
        List<Disbursement> approved = new ArrayList<>();
        BigDecimal requested = BigDecimal.ZERO;
        LoanUser reader = fx.cityUser(Role.AUDITOR);
        for (int i = 0; i < THREADS; i++) {
            BigDecimal amount = new BigDecimal("10000.00").add(new BigDecimal("1234.56").multiply(BigDecimal.valueOf(i)));
            long id = fx.insertDisbursement(r.project().id(), r.facility().id(), r.payee().id(),
                    r.milestones().get(0).id(), "工程款", amount, "APPROVED", null);
            approved.add(fx.as(reader, () -> disbursements.get(id)));
            requested = requested.add(amount);
        }
        assertThat(requested).isGreaterThan(cap);
        long ledgerBefore = fx.count("ledger_entry");

        LoanUser accountant = fx.cityUser(Role.ACCOUNTANT);
        List<Outcome<Disbursement>> outcomes = race(THREADS, i -> fx.as(accountant, () ->
                disbursements.pay(approved.get(i).id(), LocalDate.of(2023, 2, 10), Fixtures.code("RACE"))));

        BigDecimal paid = BigDecimal.ZERO;
        List<Long> paidIds = new ArrayList<>();
        List<Outcome<Disbursement>> refused = new ArrayList<>();
        for (Outcome<Disbursement> o : outcomes) {
            if (o.error() == null) {
                assertThat(o.result().status()).isEqualTo(DisbursementStatus.PAID);
                paid = paid.add(o.result().amount());
                paidIds.add(o.result().id());
            } else {
                refused.add(o);
            }
        }
        assertThat(paid).isLessThanOrEqualTo(cap);
        assertThat(paidIds).isNotEmpty();
        assertThat(refused).as("the cap cannot take all of them").isNotEmpty();
        BigDecimal headroomLeft = cap.subtract(paid);
        for (Outcome<Disbursement> o : refused) {
            assertThat(o.error()).as("refusal of #" + o.index()).isInstanceOf(Refusal.class);
            Refusal e = (Refusal) o.error();
            assertThat(e.messageKey()).as("refusal of #" + o.index()).isEqualTo("disbursement.overProgress");
            assertThat(e.field()).isEqualTo("amount");
            // the headroom only shrinks, so whatever was refused is still more than what is left now
            assertThat(approved.get(o.index()).amount()).isGreaterThan(headroomLeft);
            assertThat(statusOf(approved.get(o.index()).id())).isEqualTo("APPROVED");
        }

        // the ledger agrees, row by row and in sum
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(paidIds.size());
        BigDecimal ledgerPaid = jdbc.queryForObject("SELECT COALESCE(SUM(l.amount), 0) FROM ledger_entry l"
                + " JOIN project p ON p.id = l.project_id WHERE p.code = ? AND l.entry_type = 'PAYMENT'",
                BigDecimal.class, r.code());
        BigDecimal ledgerEffect = jdbc.queryForObject("SELECT COALESCE(SUM(l.account_effect), 0) FROM ledger_entry l"
                + " JOIN project p ON p.id = l.project_id WHERE p.code = ?", BigDecimal.class, r.code());
        assertThat(ledgerPaid).isEqualByComparingTo(paid);
        assertThat(ledgerEffect).isEqualByComparingTo(paid.negate());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement d JOIN project p ON p.id = d.project_id"
                + " WHERE p.code = ? AND d.status = 'PAID'", Long.class, r.code())).isEqualTo(paidIds.size());
        ProjectService.ProjectView view = fx.as(accountant, () -> projects.get(r.code()));
        assertThat(view.paid()).isEqualByComparingTo(paid);
        assertThat(view.unlocked()).isEqualByComparingTo(cap);
        // the audit chain stayed linear while 16 writers appended to it
        assertThat(fx.as(fx.cityUser(Role.AUDITOR), chain::verify).intact()).isTrue();
    }

    @Test
    void concurrentAllocationsNeverExceedTheFacilityAmount() throws Exception {
        District d = fx.district();
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        List<String> projectCodes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            projectCodes.add(fx.project(d));
        }
        // 16 × 100,000.00 against 1,000,000.00: exactly ten fit
        LoanUser accountant = fx.cityUser(Role.ACCOUNTANT);
        List<Outcome<Allocation>> outcomes = race(THREADS, i -> fx.as(accountant, () ->
                projects.allocate(projectCodes.get(i), facility, new BigDecimal("100000.00"), Fixtures.code("PF"),
                        LocalDate.of(2023, 1, 2))));

        long granted = outcomes.stream().filter(o -> o.error() == null).count();
        assertThat(granted).isEqualTo(10);
        for (Outcome<Allocation> o : outcomes) {
            if (o.error() != null) {
                assertThat(o.error()).isInstanceOf(Refusal.class);
                assertThat(((Refusal) o.error()).messageKey()).isEqualTo("allocation.overFacility");
            }
        }
        BigDecimal allocated = jdbc.queryForObject("SELECT COALESCE(SUM(a.amount), 0) FROM allocation a"
                + " JOIN facility f ON f.id = a.facility_id WHERE f.code = ?", BigDecimal.class, facility);
        assertThat(allocated).isEqualByComparingTo("1000000.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation a JOIN facility f ON f.id = a.facility_id"
                + " WHERE f.code = ?", Long.class, facility)).isEqualTo(10);
        assertThat(fx.as(fx.cityUser(Role.AUDITOR), chain::verify).intact()).isTrue();
    }

    @Test
    void concurrentDrawdownsNeverExceedTheFacilityAmount() throws Exception {
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        LoanUser accountant = fx.cityUser(Role.ACCOUNTANT);
        // 16 × 250,000.00 against 1,000,000.00: exactly four fit
        List<Outcome<LedgerEntry>> outcomes = race(THREADS, i -> fx.as(accountant, () ->
                facilities.drawdown(facility, new BigDecimal("250000.00"), LocalDate.of(2023, 1, 1),
                        Fixtures.code("TK"))));

        long posted = outcomes.stream().filter(o -> o.error() == null).count();
        assertThat(posted).isEqualTo(4);
        for (Outcome<LedgerEntry> o : outcomes) {
            if (o.error() != null) {
                assertThat(o.error()).isInstanceOf(Refusal.class);
                assertThat(((Refusal) o.error()).messageKey()).isEqualTo("drawdown.overFacility");
            }
        }
        assertThat(jdbc.queryForObject("SELECT SUM(l.amount) FROM ledger_entry l JOIN facility f"
                        + " ON f.id = l.facility_id WHERE f.code = ? AND l.entry_type = 'DRAWDOWN'", BigDecimal.class,
                facility)).isEqualByComparingTo("1000000.00");
    }

    // ================================================================ helpers

    private interface Indexed<T> {
        T call(int index) throws Exception;
    }

    /** Runs n calls at once: every thread waits at the gate, then all go together. */
    private static <T> List<Outcome<T>> race(int n, Indexed<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Outcome<T>> task = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(index, work.call(index), null);
                    } catch (Throwable e) {
                        return new Outcome<>(index, null, e);
                    }
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private String statusOf(long disbursementId) {
        return jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, disbursementId);
    }
}
