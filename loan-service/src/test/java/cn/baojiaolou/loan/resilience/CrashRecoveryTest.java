package cn.baojiaolou.loan.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.support.ServiceProcess;
import cn.baojiaolou.loan.token.ApiTokenService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * kill -9 under load: 12 clients post drawdowns and payments with Idempotency-Keys to a service in its own JVM, which
 * is killed mid-stream. A new process is started, every key is sent again, and every posting exists exactly once:
 * answered keys replay their answer, keys that were in flight post now (or replay, if their transaction had
 * committed), and no half-written posting or key is left behind.
 */
@DatabaseTest
class CrashRecoveryTest {

    static final LocalDate VALUE_DATE = LocalDate.of(2023, 3, 1);

    @Autowired
    DataSource dataSource;
    @Autowired
    Fixtures fx;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One money POST with its key, and what came back before the crash (0 = no answer). */
    record Attempt(String key, String path, String body, String voucher, int statusBeforeCrash) {
    }

    private int post(ServiceProcess service, String token, String key, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyKeyPostsExactlyOnceAcrossAKillMinus9AndARestart() throws Exception {
        TestDatabase db = TestDatabase.of(dataSource);
        LoanUser accountant = fx.user(Role.ACCOUNTANT, null);
        String token = fx.as(accountant, () -> tokens.createForMe("crash",
                LocalDate.now(ZoneId.of("Asia/Shanghai")))).token();
        // half the facility drawn: the other half is room for the drawdowns below
        cn.baojiaolou.loan.domain.facility.Facility f = fx.facility(Fixtures.FACILITY_AMOUNT, Fixtures.FACILITY_START,
                LocalDate.of(2027, 12, 31));
        Fixtures.Ready r = fx.readyOn(fx.district(), f, fx.drawdown(f, Fixtures.yuan("5000000.00"),
                Fixtures.FACILITY_START, Fixtures.code("DD")), Fixtures.yuan("5000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        List<Long> approved = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Disbursement d = fx.approved(r.project(), r.payee(), r.restart(), Fixtures.yuan("100.00"));
            approved.add(d.id());
        }
        AtomicInteger nextPayment = new AtomicInteger();
        Map<String, Attempt> attempts = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        int port;
        try (ServiceProcess first = ServiceProcess.start("crash-1", 0, db.url(), db.user(), db.password())) {
            port = first.port();
            first.awaitReady(Duration.ofMinutes(3));
            CountDownLatch done = new CountDownLatch(12);
            for (int c = 0; c < 12; c++) {
                boolean pays = c % 2 == 0;
                Thread client = new Thread(() -> {
                    try {
                        while (true) {
                            String key = UUID.randomUUID().toString();
                            String voucher = Fixtures.code(pays ? "PZ" : "TK");
                            String path;
                            String body;
                            if (pays) {
                                int i = nextPayment.getAndIncrement();
                                if (i >= approved.size()) {
                                    return;
                                }
                                path = "/api/v1/disbursements/" + approved.get(i) + "/payment";
                                body = "{\"paidOn\":\"" + VALUE_DATE + "\",\"voucherNo\":\"" + voucher + "\"}";
                            } else {
                                path = "/api/v1/facilities/" + r.facilityCode() + "/drawdowns";
                                body = "{\"amount\":\"1.00\",\"valueDate\":\"" + VALUE_DATE + "\",\"voucherNo\":\""
                                        + voucher + "\"}";
                            }
                            attempts.put(key, new Attempt(key, path, body, voucher, 0));
                            int status = post(first, token, key, path, body);
                            attempts.put(key, new Attempt(key, path, body, voucher, status));
                            answered.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException killed) {
                        // the service died under this request: the attempt stays without an answer
                    } finally {
                        done.countDown();
                    }
                });
                client.setDaemon(true);
                client.start();
            }
            while (answered.get() < 120) {
                Thread.sleep(20);
            }
            first.kill9();
            done.await();
        }
        List<Attempt> all = new ArrayList<>(attempts.values());
        long inFlight = all.stream().filter(a -> a.statusBeforeCrash() == 0).count();
        assertThat(inFlight).as("the kill caught requests in flight").isPositive();
        assertThat(all).filteredOn(a -> a.statusBeforeCrash() != 0)
                .allSatisfy(a -> assertThat(a.statusBeforeCrash()).as(a.path()).isIn(200, 201));

        try (ServiceProcess second = ServiceProcess.start("crash-2", port, db.url(), db.user(), db.password())) {
            second.awaitReady(Duration.ofMinutes(3));
            for (Attempt a : all) {
                int status = post(second, token, a.key(), a.path(), a.body());
                assertThat(status).as("retry of %s %s", a.path(), a.key()).isIn(200, 201);
            }
        }
        // exactly once: one ledger row per voucher, every key completed, every payment PAID once
        for (Attempt a : all) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE voucher_no = ?", Integer.class,
                    a.voucher())).as(a.path() + " " + a.voucher()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT status FROM idempotency_record WHERE username = ? "
                    + "AND idem_key = ?", String.class, accountant.username(), a.key())).isEqualTo("COMPLETED");
        }
        long payments = all.stream().filter(a -> a.path().endsWith("/payment")).count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE project_id = ? AND status = 'PAID'",
                Integer.class, r.project().id())).isEqualTo((int) payments);
        BigDecimal drawn = jdbc.queryForObject("SELECT SUM(amount) FROM ledger_entry WHERE facility_id = ? "
                + "AND entry_type = 'DRAWDOWN' AND voucher_no LIKE 'TK%'", BigDecimal.class, r.facility().id());
        long drawdowns = all.size() - payments;
        assertThat(drawn == null ? BigDecimal.ZERO : drawn).isEqualByComparingTo(BigDecimal.valueOf(drawdowns));
    }
}
