package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Idempotency-Key on money-moving POSTs: a retry replays the stored answer and posts nothing; the same key with
 * another body is refused; a refused request frees its key; keys belong to one user.
 */
@DatabaseTest
class IdempotencyTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    LoanUser accountant;
    Fixtures.Ready r;

    @BeforeEach
    void setUp() {
        accountant = fx.user(Role.ACCOUNTANT, null);
        r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
    }

    @Test
    void aRetriedPaymentReplaysTheFirstAnswerAndPostsOneLedgerRow() throws Exception {
        Disbursement d = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("12345.67"));
        String key = key();
        String body = payment("2023-02-10", Fixtures.code("PZ"));
        long ledgerBefore = fx.count("ledger_entry");
        long auditBefore = fx.count("audit_event");

        MockHttpServletResponse first = api.post(accountant, payPath(d), body, key)
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andExpect(jsonPath("$.status").value("PAID"))
                .andReturn().getResponse();
        MockHttpServletResponse second = api.post(accountant, payPath(d), body, key)
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andReturn().getResponse();

        assertThat(second.getStatus()).isEqualTo(first.getStatus());
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getContentAsString(StandardCharsets.UTF_8))
                .contains("复工"); // the stored answer keeps its Chinese intact
        assertThat(second.getContentType()).isEqualTo(first.getContentType());
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);
        assertThat(fx.count("audit_event") - auditBefore).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE disbursement_id = ?", Long.class,
                d.id())).isEqualTo(1);

        // and a third time, still the same answer
        api.post(accountant, payPath(d), body, key).andExpect(status().isOk())
                .andExpect(header().string("Idempotency-Replayed", "true"));
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);
    }

    @Test
    void aRetriedDrawdownAndARetriedRequestAreCreatedOnce() throws Exception {
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        String key = key();
        String body = drawdown("1000.00", Fixtures.code("TK"));
        long ledgerBefore = fx.count("ledger_entry");
        String first = api.post(accountant, drawdownPath(facility), body, key).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String second = api.post(accountant, drawdownPath(facility), body, key).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).isEqualTo(first);
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);

        String requestKey = key();
        String request = """
                {"projectCode":"%s","payeeId":%d,"milestoneId":%d,"purpose":"农民工工资","amount":500.00}
                """.formatted(r.code(), r.payee().id(), r.milestones().get(0).id());
        long disbursementsBefore = fx.count("disbursement");
        String a = api.post(accountant, "/api/v1/disbursements", request, requestKey).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String b = api.post(accountant, "/api/v1/disbursements", request, requestKey).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(b).isEqualTo(a).contains("农民工工资");
        assertThat(fx.count("disbursement") - disbursementsBefore).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsRefusedAndPostsNothing() throws Exception {
        Disbursement d = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("1000.00"));
        Disbursement other = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("2000.00"));
        String key = key();
        api.post(accountant, payPath(d), payment("2023-02-10", Fixtures.code("PZ")), key).andExpect(status().isOk());
        long ledgerBefore = fx.count("ledger_entry");
        long auditBefore = fx.count("audit_event");

        mismatch(api.post(accountant, payPath(d), payment("2023-02-10", Fixtures.code("PZ")), key));
        // another path (paying another disbursement) with the same key is another request too
        mismatch(api.post(accountant, payPath(other), payment("2023-02-10", Fixtures.code("PZ")), key));

        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(fx.count("audit_event")).isEqualTo(auditBefore);
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, other.id()))
                .isEqualTo("APPROVED");
    }

    @Test
    void aRefusedRequestFreesItsKeySoTheCorrectedRetrySucceeds() throws Exception {
        Disbursement d = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("1000.00"));
        String key = key();
        long ledgerBefore = fx.count("ledger_entry");
        long recordsBefore = fx.count("idempotency_record");

        // a payment dated in the future is refused (422): nothing is kept, not even the key
        String future = LocalDate.now().plusDays(10).toString();
        api.post(accountant, payPath(d), payment(future, Fixtures.code("PZ")), key)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("valueDate.future"))
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(fx.count("idempotency_record")).isEqualTo(recordsBefore);

        // the same key with the corrected body runs for real
        String corrected = payment("2023-02-10", Fixtures.code("PZ"));
        api.post(accountant, payPath(d), corrected, key).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andExpect(jsonPath("$.status").value("PAID"));
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);
        api.post(accountant, payPath(d), corrected, key).andExpect(status().isOk())
                .andExpect(header().string("Idempotency-Replayed", "true"));
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);

        // a conflict (409) frees its key as well
        String key2 = key();
        String again = payment("2023-02-11", Fixtures.code("PZ"));
        api.post(accountant, payPath(d), again, key2).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("disbursement.wrongStatus"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class,
                key2)).isZero();
    }

    @Test
    void keysBelongToOneUser() throws Exception {
        LoanUser colleague = fx.user(Role.ACCOUNTANT, null);
        String facility = fx.facility(new BigDecimal("1000000.00"), "0.036", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        String key = key();
        String body = drawdown("1000.00", Fixtures.code("TK"));
        long ledgerBefore = fx.count("ledger_entry");

        api.post(accountant, drawdownPath(facility), body, key).andExpect(status().isCreated());
        // the same key from another user is that user's own first request: it runs (with its own voucher: the same
        // voucher again would be refused as posted twice)
        String colleaguesBody = drawdown("1000.00", Fixtures.code("TK"));
        api.post(colleague, drawdownPath(facility), colleaguesBody, key).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andExpect(jsonPath("$.createdBy").value(colleague.username()));
        // but from now on that key is the colleague's too: another body under it is refused
        api.post(colleague, drawdownPath(facility), drawdown("2000.00", Fixtures.code("TK")), key)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency.mismatch"));
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT username FROM idempotency_record WHERE idem_key = ? ORDER BY id",
                String.class, key)).containsExactly(accountant.username(), colleague.username());

        // each user's retry replays their own answer
        api.post(accountant, drawdownPath(facility), body, key)
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.createdBy").value(accountant.username()));
        api.post(colleague, drawdownPath(facility), colleaguesBody, key)
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.createdBy").value(colleague.username()));
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(2);
    }

    @Test
    void moneyMovingPostsWithoutAValidKeyAreRefused() throws Exception {
        Disbursement d = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("1000.00"));
        long ledgerBefore = fx.count("ledger_entry");
        api.post(accountant, payPath(d), payment("2023-02-10", Fixtures.code("PZ")), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("idempotency.missing"));
        api.post(accountant, payPath(d), payment("2023-02-10", Fixtures.code("PZ")), "short")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("idempotency.badKey"));
        assertThat(fx.count("ledger_entry")).isEqualTo(ledgerBefore);
    }

    @Test
    void concurrentRetriesWithOneKeyPostOnce() throws Exception {
        Disbursement d = fx.approved(r.code(), r.payee(), r.milestones().get(0), new BigDecimal("777.77"));
        String key = key();
        String body = payment("2023-02-10", Fixtures.code("PZ"));
        long ledgerBefore = fx.count("ledger_entry");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return api.post(accountant, payPath(d), body, key).andReturn().getResponse();
                }));
            }
            go.countDown();
            int fresh = 0;
            for (Future<MockHttpServletResponse> f : futures) {
                MockHttpServletResponse res = f.get(120, TimeUnit.SECONDS);
                if (res.getStatus() == 200) {
                    if (res.getHeader("Idempotency-Replayed") == null) {
                        fresh++;
                    }
                } else {
                    // a retry that arrives while the first is still running is told so, not run again
                    assertThat(res.getStatus()).as(res.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(409);
                    assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("idempotency.inProgress");
                }
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.count("ledger_entry") - ledgerBefore).isEqualTo(1);
    }

    // ================================================================ helpers

    private void mismatch(ResultActions result) throws Exception {
        result.andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("idempotency.mismatch"))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
    }

    private static String key() {
        return "idem-" + UUID.randomUUID();
    }

    private static String payPath(Disbursement d) {
        return "/api/v1/disbursements/" + d.id() + "/payment";
    }

    private static String drawdownPath(String facility) {
        return "/api/v1/facilities/" + facility + "/drawdowns";
    }

    private static String payment(String paidOn, String voucher) {
        return "{\"paidOn\":\"" + paidOn + "\",\"voucherNo\":\"" + voucher + "\"}";
    }

    private static String drawdown(String amount, String voucher) {
        return "{\"amount\":" + amount + ",\"valueDate\":\"2023-01-01\",\"voucherNo\":\"" + voucher + "\"}";
    }
}
