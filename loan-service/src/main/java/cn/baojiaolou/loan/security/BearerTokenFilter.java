package cn.baojiaolou.loan.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.baojiaolou.loan.token.ApiTokenAuthentication;
import cn.baojiaolou.loan.token.ApiTokenAuthenticator;
import cn.baojiaolou.loan.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Authorization: Bearer bjl_…} signs a system client in by its API token, without BCrypt. A token that is not
 * valid answers 401 at once (it never falls back to another way in) and counts against the client's address like a
 * name that does not exist.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator tokens;
    private final LoginLock lock;
    private final ProblemResponses problems;
    private final ObjectMapper json;

    BearerTokenFilter(ApiTokenAuthenticator tokens, LoginLock lock, ProblemResponses problems, ObjectMapper json) {
        this.tokens = tokens;
        this.lock = lock;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<ApiTokenAuthentication> signedIn = tokens.authenticate(header.substring(BEARER.length()).strip(),
                address);
        if (signedIn.isEmpty()) {
            lock.failedToken(address);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"bjl\", error=\"invalid_token\"");
            SecurityConfig.write(response, json, problems.of(HttpStatus.UNAUTHORIZED, "auth.tokenInvalid", List.of()));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
