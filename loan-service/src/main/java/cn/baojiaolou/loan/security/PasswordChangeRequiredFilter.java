package cn.baojiaolou.loan.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.baojiaolou.loan.token.ApiTokenAuthentication;
import cn.baojiaolou.loan.useradmin.UserAdminService;
import cn.baojiaolou.loan.web.ProblemResponses;
import tools.jackson.databind.ObjectMapper;

/**
 * A user signed in with a one-time password (a new user, or after a reset) may do one thing: choose their own
 * password. Pages redirect to /me/password; the API answers 403 {@code auth.passwordChangeRequired} except for
 * POST /api/v1/me/password. API tokens are not concerned: a token is made by a user who has a password of their own.
 */
public final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    /** The session remembers the answer (true or false) so that pages do not ask the database on every request. */
    private static final String SESSION_FLAG = UserAdminService.MUST_CHANGE_SESSION_FLAG;

    private final UserAdminService users;
    private final ProblemResponses problems;
    private final ObjectMapper json;

    PasswordChangeRequiredFilter(UserAdminService users, ProblemResponses problems, ObjectMapper json) {
        this.users = users;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth instanceof ApiTokenAuthentication || allowed(path) || !mustChange(request, auth.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            SecurityConfig.write(response, json, problems.of(HttpStatus.FORBIDDEN, "auth.passwordChangeRequired",
                    List.of()));
        } else {
            response.sendRedirect(request.getContextPath() + "/me/password");
        }
    }

    private boolean mustChange(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        Object known = session == null ? null : session.getAttribute(SESSION_FLAG);
        if (known instanceof Boolean b) {
            return b;
        }
        boolean must = users.mustChangePassword(username);
        if (session != null) {
            session.setAttribute(SESSION_FLAG, must);
        }
        return must;
    }

    private static boolean allowed(String path) {
        return path.equals("/me/password") || path.equals("/api/v1/me/password") || path.equals("/logout")
                || path.equals("/login") || path.equals("/error") || path.equals("/favicon.ico")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/fonts/")
                || path.startsWith("/webjars/");
    }
}
