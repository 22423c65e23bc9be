package cn.baojiaolou.loan.web;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * Outside the security chain: a database that does not answer while a filter works (the token lookup, the login
 * lock, the Idempotency-Key's row) is answered 503 problem+json under /api, as the controllers' own failures are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemResponses problems;
    private final ObjectMapper json;

    DatabaseUnavailableFilter(ProblemResponses problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseTrouble.is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            // outside the DispatcherServlet (and after RequestContextFilter has let go): the request's own language
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
            try {
                json.writeValue(response.getOutputStream(), problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "database.unavailable", List.of()));
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }
    }
}
