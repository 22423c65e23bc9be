package cn.baojiaolou.loan.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.support.ServiceProcess;
import cn.baojiaolou.loan.support.StallingProxy;
import cn.baojiaolou.loan.token.ApiTokenService;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * The database freezes (every connection open, no byte answered, as under SIGSTOP) for 20 s under a running service:
 * requests answer 503 problem+json within about 5 s instead of hanging, readiness reports DOWN while liveness stays
 * UP, and the service recovers by itself when the database answers again.
 */
@DatabaseTest
class DatabaseStallTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Fixtures fx;
    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Answer(int status, String body, long millis) {
    }

    private Answer get(ServiceProcess service, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aStalledDatabaseAnswers503WithinTheTimeoutAndTheServiceRecovers() throws Exception {
        TestDatabase db = TestDatabase.of(dataSource);
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String token = fx.as(auditor, () -> tokens.createForMe("stall",
                LocalDate.now(ZoneId.of("Asia/Shanghai")))).token();
        try (StallingProxy proxy = new StallingProxy(db.host(), db.port());
             ServiceProcess service = ServiceProcess.start("stall", 0, db.throughPort(proxy.port()), db.user(),
                     db.password())) {
            service.awaitReady(Duration.ofMinutes(3));
            assertThat(get(service, "/api/v1/projects", token).status()).isEqualTo(200);

            proxy.stall();
            long stalledAt = System.nanoTime();
            Answer projects = get(service, "/api/v1/projects", token);
            assertThat(projects.status()).as(projects.body()).isEqualTo(503);
            assertThat(projects.body()).contains("\"code\":\"database.unavailable\"").contains("数据库");
            assertThat(projects.millis()).as("answered within the timeout").isLessThan(7_000);
            Answer readiness = get(service, "/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.millis()).isLessThan(7_000);
            // alive all the same: restarting the service would not bring the database back
            assertThat(get(service, "/actuator/health/liveness", null).status()).isEqualTo(200);
            // a request that needs no database answers as ever
            assertThat(get(service, "/login", null).status()).isEqualTo(200);
            // the stall lasts 20 s; every request in it is answered fast
            while (System.nanoTime() - stalledAt < 20_000_000_000L) {
                Answer again = get(service, "/api/v1/projects", token);
                assertThat(again.status()).isEqualTo(503);
                assertThat(again.millis()).isLessThan(7_000);
            }

            proxy.resume();
            long deadline = System.nanoTime() + 30_000_000_000L;
            int status = 0;
            while (System.nanoTime() < deadline && (status = get(service, "/api/v1/projects", token).status()) != 200) {
                Thread.sleep(500);
            }
            assertThat(status).as("recovered by itself").isEqualTo(200);
            assertThat(get(service, "/actuator/health/readiness", null).status()).isEqualTo(200);
        }
    }
}
