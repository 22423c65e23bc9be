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
import cn.baojiaolou.loan.common.LockConflictRetry;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
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
 * Idempotency-Key on POSTs. A request with a key runs in one transaction with the key's row: a retry with the same key
 * and body gets the stored answer and posts nothing; the same key with another body is refused; a request that failed
 * (4xx/5xx), or a process that died mid-request, leaves no key behind. A lost lock conflict (deadlock, lock wait
 * timeout) runs the request again, up to {@link LockConflictRetry#ATTEMPTS} times. Money-moving POSTs must carry a
 * key.
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
    private final PlatformTransactionManager transactions;
    private final AntPathMatcher paths = new AntPathMatcher();

    IdempotencyFilter(IdempotencyStore store, ProblemResponses problems, ObjectMapper json,
                      PlatformTransactionManager transactions) {
        this.store = store;
        this.problems = problems;
        this.json = json;
        this.transactions = transactions;
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
        // a multipart or form body is left to the container, which parses and keeps the parts and parameters for
        // the controller; reading the raw stream here would leave the controller with none of them
        boolean multipart = isMultipart(request);
        boolean form = isForm(request);
        byte[] body;
        try {
            body = multipart ? partsOf(request) : form ? parametersOf(request)
                    : request.getInputStream().readAllBytes();
        } catch (IllegalStateException | IOException | ServletException unreadable) {
            // too large or malformed: let the DispatcherServlet answer it (413 / 400), nothing is posted
            chain.doFilter(request, response);
            return;
        }
        String hash = sha256(request.getMethod() + " " + path + "\n", body);
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        HttpServletRequest replayable = multipart || form ? request : new CachedBodyRequest(request, body);
        for (int attempt = 1; ; attempt++) {
            Attempt result = attempt(replayable, response, chain, user, key, path, hash);
            if (result.seen()) {
                replay(response, user, key, hash);
                return;
            }
            if (!result.lockConflict() || attempt >= LockConflictRetry.ATTEMPTS) {
                result.answer().copyBodyToResponse();
                return;
            }
            // lost a lock conflict: everything of this attempt was rolled back, run the request again
            response.reset();
            try {
                LockConflictRetry.pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            }
        }
    }

    /** One run of a request under its key: seen (the key is taken), or the answer and whether a lock was lost. */
    private record Attempt(boolean seen, ContentCachingResponseWrapper answer, boolean lockConflict) {
    }

    /**
     * Runs the request in one transaction with its key: the key's row, the posting and the stored answer commit
     * together, so a committed posting always has its answer and an uncommitted one leaves no key behind (a process
     * killed mid-request leaves nothing to wait for: the retry simply runs). A concurrent request with the same key
     * waits on the key's row and then replays the answer. Anything but a 2xx rolls back: the key is free again.
     */
    private Attempt attempt(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user,
                            String key, String path, String hash) throws IOException, ServletException {
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean committed = false;
        try {
            try {
                store.begin(user, key, request.getMethod(), path, hash);
            } catch (DuplicateKeyException seen) {
                return new Attempt(true, null, false);
            }
            request.removeAttribute(ApiExceptionHandler.LOCK_CONFLICT);
            chain.doFilter(request, wrapped);
            boolean lost = request.getAttribute(ApiExceptionHandler.LOCK_CONFLICT) != null;
            if (!lost && wrapped.getStatus() >= 200 && wrapped.getStatus() < 300) {
                store.complete(user, key, wrapped.getStatus(), wrapped.getContentType(),
                        new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                transactions.commit(tx);
                committed = true;
            }
            return new Attempt(false, wrapped, lost);
        } catch (TransactionException | DataAccessException failed) {
            // the commit (or the key's row) failed: nothing was posted, and the client must not see the 2xx
            if (failed instanceof PessimisticLockingFailureException) {
                return new Attempt(false, wrapped, true);
            }
            throw failed;
        } finally {
            if (!committed && !tx.isCompleted()) {
                transactions.rollback(tx);
            }
        }
    }

    /** The key was used before: the same body gets the stored answer, another body a refusal. */
    private void replay(HttpServletResponse response, String user, String key, String hash) throws IOException {
        IdempotencyStore.Record rec = store.find(user, key);
        if (rec == null || !IdempotencyStore.COMPLETED.equals(rec.status())) {
            // the first request with this key failed and freed it in between, or (a row written before keys shared
            // the posting's transaction) it was left half-way: it posted nothing, so the client may send it again
            store.forgetUnfinished(user, key);
            reject(response, problems.of(HttpStatus.CONFLICT, "idempotency.inProgress", List.of()));
        } else if (!rec.requestHash().equals(hash)) {
            reject(response, problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.mismatch", List.of()));
        } else {
            response.setStatus(rec.responseStatus());
            response.setHeader("Idempotency-Replayed", "true");
            if (rec.responseType() != null) {
                // the stored type as it was answered; the body is the stored UTF-8 bytes
                response.setContentType(rec.responseType());
            }
            response.getOutputStream().write(rec.responseBody().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The form's parameters, sorted by name, as the bytes the request hash is taken of. */
    private static byte[] parametersOf(HttpServletRequest request) {
        StringBuilder all = new StringBuilder();
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                all.append(name).append('=').append(value).append('\n');
            }
        });
        return all.toString().getBytes(StandardCharsets.UTF_8);
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
