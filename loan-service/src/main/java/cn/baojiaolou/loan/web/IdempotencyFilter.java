package cn.baojiaolou.loan.web;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on POSTs. The first request with a key is recorded as in progress before it runs; a retry with the
 * same key and body gets the stored answer and posts nothing; the same key with another body is refused. Money-moving
 * POSTs must carry a key. A failed request (4xx/5xx) frees its key, since it wrote nothing.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,128}");
    private static final List<String> MONEY_MOVING = List.of(
            "/api/v1/facilities/*/drawdowns", "/api/v1/facilities/*/repayments", "/api/v1/projects/*/repayments",
            "/api/v1/disbursements", "/api/v1/disbursements/*/payment", "/api/v1/disbursements/*/reversal");

    private final IdempotencyStore store;
    private final ProblemResponses problems;
    private final ObjectMapper json;
    private final AntPathMatcher paths = new AntPathMatcher();

    IdempotencyFilter(IdempotencyStore store, ProblemResponses problems, ObjectMapper json) {
        this.store = store;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String path = request.getRequestURI();
        if (key == null || key.isBlank()) {
            if (MONEY_MOVING.stream().anyMatch(p -> paths.match(p, path))) {
                reject(response, problems.of(HttpStatus.BAD_REQUEST, "idempotency.missing", List.of()));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            reject(response, problems.of(HttpStatus.BAD_REQUEST, "idempotency.badKey", List.of()));
            return;
        }
        boolean multipart = isMultipart(request);
        byte[] body;
        try {
            // a multipart body is left to the container, which parses and keeps the parts for the controller;
            // reading the raw stream here would leave the controller with no parts at all
            body = multipart ? partsOf(request) : request.getInputStream().readAllBytes();
        } catch (IllegalStateException | IOException | ServletException unreadable) {
            // too large or malformed: let the DispatcherServlet answer it (413 / 400), nothing is posted
            chain.doFilter(request, response);
            return;
        }
        String hash = sha256(request.getMethod() + " " + path + "\n", body);
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        try {
            store.begin(user, key, request.getMethod(), path, hash);
        } catch (DuplicateKeyException seen) {
            IdempotencyStore.Record rec = store.find(user, key);
            if (rec != null && !rec.requestHash().equals(hash)) {
                reject(response, problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.mismatch", List.of()));
            } else if (rec == null || !IdempotencyStore.COMPLETED.equals(rec.status())) {
                // still running, or just freed by a failed first attempt: either way, retry later
                reject(response, problems.of(HttpStatus.CONFLICT, "idempotency.inProgress", List.of()));
            } else {
                response.setStatus(rec.responseStatus());
                response.setHeader("Idempotency-Replayed", "true");
                if (rec.responseType() != null) {
                    // the stored type as it was answered; the body is the stored UTF-8 bytes
                    response.setContentType(rec.responseType());
                }
                response.getOutputStream().write(rec.responseBody().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(multipart ? request : new CachedBodyRequest(request, body), wrapped);
            if (wrapped.getStatus() >= 200 && wrapped.getStatus() < 300) {
                store.complete(user, key, wrapped.getStatus(), wrapped.getContentType(),
                        new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(user, key);
            }
            wrapped.copyBodyToResponse();
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The parts (name, file name, content) in order, as the bytes the request hash is taken of. */
    private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : request.getParts()) {
            out.write((part.getName() + "\u0000" + part.getSubmittedFileName() + "\u0000")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream in = part.getInputStream()) {
                in.transferTo(out);
            }
            out.write(0);
        }
        return out.toByteArray();
    }

    private void reject(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String sha256(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read the body the filter already consumed to hash it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
