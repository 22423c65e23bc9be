package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * Over real HTTP (MockMvc parses form parameters itself and cannot show it): a form POST that carries an
 * Idempotency-Key still reaches the controller with its parameters. The filter hashes the parsed parameters instead
 * of reading the raw body, which would leave the container none to parse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class FormBodyIdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fx;

    @Test
    void aFormPostWithAnIdempotencyKeyKeepsItsParametersAndReplays() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String sha256 = "ab".repeat(32);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = verify(auditor, key, "sha256=" + sha256);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"sha256\":\"" + sha256 + "\"", "\"archived\":false");

        HttpResponse<String> again = verify(auditor, key, "sha256=" + sha256);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        // another form under the same key is another request: refused, as for a JSON body
        assertThat(verify(auditor, key, "sha256=" + "cd".repeat(32)).statusCode()).isEqualTo(422);
    }

    private HttpResponse<String> verify(LoanUser user, String key, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/verification"))
                .header("Authorization", "Basic " + basic).header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
