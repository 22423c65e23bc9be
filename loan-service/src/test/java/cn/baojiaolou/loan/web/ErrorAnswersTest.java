package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error under /api/** is problem+json with a code and a Chinese detail, whoever answers it: Spring MVC (no such
 * path, a method or content type the path does not take, a format it cannot give), Spring Security's firewall (an
 * encoded ';' or '..'), or Tomcat itself before the application sees the request (an encoded slash or NUL). Sent over
 * a raw socket to the real server, so nothing (no HTTP client, no MockMvc) tidies the request line on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class ErrorAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fx;

    LoanUser auditor;

    @BeforeEach
    void user() {
        auditor = fx.user(Role.AUDITOR, null);
    }

    record Answer(int status, String head, String body) {
        String contentType() {
            return head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).findFirst().orElse("");
        }
    }

    Answer send(String method, String target, String extraHeaders, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString((auditor.username() + ":" + Fixtures.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n" + extraHeaders + "Content-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            String rest = raw.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = unchunk(rest);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, rest);
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource({
            "GET, /api/v1/no-such-endpoint, 404, http.404",
            "GET, /api/v1/projects/a%3Bb, 400, http.400",
            "GET, /api/v1/projects/%2e%2e/districts, 400, http.400",
            "GET, /api/v1/projects/..;/districts, 400, http.400",
            "GET, /api/v1/projects/a%2Fb, 400, http.400",
            "GET, /api/v1/projects/a%00b, 400, http.400",
            "DELETE, /api/v1/districts, 405, http.405"})
    void theFrameworksOwnErrorsAreProblemJsonInChinese(String method, String target, int status, String code)
            throws Exception {
        Answer a = send(method, target, "", null);
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Tomcat", "<html");
        assertThat(a.body()).containsPattern("\"detail\":\"[^\"]*[\\u4e00-\\u9fa5]");
    }

    @Test
    void anUnsupportedContentTypeIsA415InChineseAndInEnglishOnRequest() throws Exception {
        Answer zh = send("POST", "/api/v1/reports/verification", "Content-Type: text/plain\r\n", "x");
        assertThat(zh.status()).isEqualTo(415);
        assertThat(zh.contentType()).contains("application/problem+json");
        assertThat(zh.body()).contains("\"code\":\"http.415\"", "不支持的内容类型");
        Answer en = send("POST", "/api/v1/reports/verification", "Content-Type: text/plain\r\nAccept-Language: en\r\n",
                "x");
        assertThat(en.body()).contains("\"code\":\"http.415\"", "Content type not supported");
    }

    @Test
    void aFormatTheApiCannotGiveIsA406() throws Exception {
        Answer a = send("GET", "/api/v1/districts", "Accept: application/xml\r\n", null);
        assertThat(a.status()).isEqualTo(406);
        assertThat(a.body()).contains("\"code\":\"http.406\"", "JSON");
    }

    @Test
    void pagesGetTheChineseErrorPage() throws Exception {
        Answer a = send("GET", "/projects/a%2Fb", "", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).contains("text/html");
        assertThat(a.body()).contains("lang=\"zh-CN\"", "请求有误").doesNotContain("Tomcat");
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        String rest = chunked;
        while (true) {
            int eol = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            byte[] bytes = rest.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            rest = new String(bytes, size + 2, bytes.length - size - 2, StandardCharsets.UTF_8);
        }
    }
}
