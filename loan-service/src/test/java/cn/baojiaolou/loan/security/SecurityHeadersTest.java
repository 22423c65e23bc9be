package cn.baojiaolou.loan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

/**
 * The headers and the cookie as the real server (Tomcat, with its forwarded-header handling) sends them: a
 * Content-Security-Policy on pages and API, HSTS and a Secure session cookie only over TLS, which includes a trusted
 * proxy's X-Forwarded-Proto: https; the API's description needs a login outside the demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fx;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void pagesRunOnlyTheSitesOwnScriptsAndAreNeverFramed() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.PAGE_POLICY);
        assertThat(SecurityConfig.PAGE_POLICY).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // the page itself keeps to it: no inline script, no style attribute
        assertThat(login.body()).doesNotContain("style=\"").doesNotContainPattern("<script>|<script [^>]*>[^<]+<");
    }

    @Test
    void overPlainHttpThereIsNoHstsAndTheCookieIsNotSecure() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure;")
                .doesNotEndWithIgnoringCase("Secure");
    }

    @Test
    void behindATlsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https");
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void apiAnswersCarryAPolicyAndHstsUnderTls() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String basic = "Basic " + Base64.getEncoder().encodeToString((auditor.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> projects = get("/api/v1/projects", "Authorization", basic, "X-Forwarded-Proto", "https");
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.API_POLICY);
        assertThat(projects.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void theApiDescriptionNeedsALoginOutsideTheDemo() throws Exception {
        HttpResponse<String> anonymous = get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.body()).contains("\"code\":\"auth.required\"");
        assertThat(get("/swagger-ui.html").statusCode()).isEqualTo(401);

        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String basic = "Basic " + Base64.getEncoder().encodeToString((auditor.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signedIn = get("/v3/api-docs", "Authorization", basic);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"openapi\"");
    }
}
