package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money writes racing on one project through the HTTP API, as a busy bureau's clients send them: payments and new
 * requests at once (the mix that once deadlocked: a request's insert share-locked the project through its foreign key
 * while a payment held the facility), and requests racing for the last yuan of a cap (预占: a request reserves its
 * amount). No 5xx, the caps hold, and the ledger agrees with every 2xx.
 */
@DatabaseTest
class ConcurrentPostingsTest {

    static final int THREADS = 12;

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    LoanUser accountant;
    LoanUser reviewer;

    @BeforeEach
    void users() {
        accountant = fx.user(Role.ACCOUNTANT, null);
        reviewer = fx.user(Role.REVIEWER, null);
    }

    record Answer(int index, String kind, int status, String body) {
    }

    @Test
    void paymentsAndNewRequestsOnOneProjectNeverAnswer5xxAndNeverPassTheCap() throws Exception {
        // allocation 1,000,000.00, 复工 verified: 200,000.00 unlocked
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.restart(), LocalDate.of(2023, 2, 1));
        List<Disbursement> approved = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            approved.add(fx.approved(r.code(), r.payee(), r.restart(), new BigDecimal("5000.00")));
        }
        long ledgerBefore = fx.count("ledger_entry");

        // 48 calls at once over 12 threads: every other one pays an approved request, the others request anew
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            int n = i;
            calls.add(() -> {
                MockHttpServletResponse resp;
                String kind;
                if (n % 2 == 0) {
                    kind = "payment";
                    resp = api.post(accountant, "/api/v1/disbursements/" + approved.get(n / 2).id() + "/payment",
                            "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + Fixtures.code("CP") + "\"}")
                            .andReturn().getResponse();
                } else {
                    kind = "request";
                    resp = api.post(accountant, "/api/v1/disbursements", """
                            {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":3000.00}
                            """.formatted(r.code(), r.payee().id(), r.restart().id())).andReturn().getResponse();
                }
                return new Answer(n, kind, resp.getStatus(), resp.getContentAsString(StandardCharsets.UTF_8));
            });
        }
        List<Answer> answers = race(calls);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.kind() + " #" + a.index() + ": " + a.body())
                .isLessThan(500));
        long paid = answers.stream().filter(a -> a.kind().equals("payment") && a.status() == 200).count();
        assertThat(paid).as("all 24 approved payments fit the cap").isEqualTo(24);
        long requested = answers.stream().filter(a -> a.kind().equals("request") && a.status() == 201).count();
        // 120,000.00 paid; the new requests reserve 3,000.00 each out of the 80,000.00 left: 26 fit, all 24 pass
        assertThat(requested).isEqualTo(24);
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(24);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM ledger_entry l JOIN project p ON p.id = l.project_id"
                + " WHERE p.code = ? AND l.entry_type = 'PAYMENT'", BigDecimal.class, r.code()))
                .isEqualByComparingTo("120000.00");
    }

    @Test
    void requestsRacingForTheLastYuanOfTheCapReserveItOnce() throws Exception {
        // 200,000.00 unlocked, 190,000.00 paid: 10,000.00 left; 12 requests of 1,000.00 race for it
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(r.code(), r.payee(), r.restart(), new BigDecimal("190000.00"), LocalDate.of(2023, 2, 5));
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            calls.add(() -> {
                MockHttpServletResponse resp = api.post(accountant, "/api/v1/disbursements", """
                        {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":1000.00}
                        """.formatted(r.code(), r.payee().id(), r.restart().id())).andReturn().getResponse();
                return new Answer(n, "request", resp.getStatus(), resp.getContentAsString(StandardCharsets.UTF_8));
            });
        }
        List<Answer> answers = race(calls);

        assertThat(answers).extracting(Answer::status).containsOnly(201, 422);
        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(10);
        assertThat(answers.stream().filter(a -> a.status() == 422))
                .allSatisfy(a -> assertThat(a.body()).contains("disbursement.overProgress", "0.00"));
        Map<String, Object> reserved = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(amount) AS total FROM disbursement d"
                + " JOIN project p ON p.id = d.project_id WHERE p.code = ? AND d.status = 'REQUESTED'", r.code());
        assertThat(((Number) reserved.get("n")).longValue()).isEqualTo(10);
        assertThat((BigDecimal) reserved.get("total")).isEqualByComparingTo("10000.00");
        // and the project shows what is reserved and that nothing more may be requested
        String view = api.get(accountant, "/api/v1/projects/{code}", r.code()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(view).contains("\"reserved\":\"10000.00\"", "\"requestable\":\"0.00\"");
    }

    @Test
    void oneApprovedRequestPaidTwelveTimesAtOnceIsPaidOnce() throws Exception {
        // each call has its own key and voucher: only the disbursement's status can stop the second payment
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.restart(), LocalDate.of(2023, 2, 1));
        Disbursement d = fx.approved(r.code(), r.payee(), r.restart(), new BigDecimal("7777.77"));
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            calls.add(() -> {
                MockHttpServletResponse resp = api.post(accountant, "/api/v1/disbursements/" + d.id() + "/payment",
                        "{\"paidOn\":\"2023-02-10\",\"voucherNo\":\"" + Fixtures.code("DUP") + "\"}")
                        .andReturn().getResponse();
                return new Answer(n, "payment", resp.getStatus(), resp.getContentAsString(StandardCharsets.UTF_8));
            });
        }
        List<Answer> answers = race(calls);
        assertThat(answers.stream().filter(a -> a.status() == 200).count()).isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.status() != 200)
                .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(409));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE disbursement_id = ? "
                + "AND entry_type = 'PAYMENT'", Integer.class, d.id())).isEqualTo(1);
    }

    @Test
    void sixTimesTheCapRequestedIsAcceptedOnlyUpToTheCap() throws Exception {
        // the finding: 64 requests summing to six times the cap were all accepted and approved; 33 could be paid
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.restart(), LocalDate.of(2023, 2, 1));
        BigDecimal cap = new BigDecimal("200000.00");
        BigDecimal each = cap.multiply(BigDecimal.valueOf(6)).divide(BigDecimal.valueOf(64));
        int accepted = 0;
        for (int i = 0; i < 64; i++) {
            int status = api.post(accountant, "/api/v1/disbursements", """
                    {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":%s}
                    """.formatted(r.code(), r.payee().id(), r.restart().id(), each.toPlainString()))
                    .andReturn().getResponse().getStatus();
            if (status == 201) {
                accepted++;
            } else {
                assertThat(status).isEqualTo(422);
            }
        }
        // 18,750.00 each: 10 fit in 200,000.00 (187,500.00), the 11th would need 206,250.00
        assertThat(accepted).isEqualTo(10);
        // a rejection frees what the request reserved
        long last = jdbc.queryForObject("SELECT MAX(d.id) FROM disbursement d JOIN project p ON p.id = d.project_id"
                + " WHERE p.code = ?", Long.class, r.code());
        api.post(reviewer, "/api/v1/disbursements/" + last + "/rejection", "{\"reason\":\"重复申请\"}")
                .andReturn();
        assertThat(api.post(accountant, "/api/v1/disbursements", """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"工程款","amount":31250.00}
                """.formatted(r.code(), r.payee().id(), r.restart().id())).andReturn().getResponse().getStatus())
                .as("187,500.00 − 18,750.00 freed + 31,250.00 = 200,000.00 exactly").isEqualTo(201);
    }

    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
