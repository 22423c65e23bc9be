package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.UserMapper;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.token.ApiTokenAuthenticator;
import cn.baojiaolou.loan.useradmin.UserAdminService;
import cn.baojiaolou.loan.web.DatabaseTrouble;
import cn.baojiaolou.loan.web.ProblemResponses;
import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;
import java.util.List;

import static cn.baojiaolou.loan.user.Role.ACCOUNTANT;
import static cn.baojiaolou.loan.user.Role.ADMIN;
import static cn.baojiaolou.loan.user.Role.AUDITOR;
import static cn.baojiaolou.loan.user.Role.REVIEWER;

/**
 * Who may call what: the role × endpoint matrix lives here, in one place. District scope is enforced in the
 * services (another district's project answers 404). Auditors only ever match GET rules.
 */
@Configuration
class SecurityConfig {

    private static final String API = "/api/v1";

    /**
     * The pages run only the site's own scripts and stylesheets (no inline script or style attribute, no CDN: the
     * bureaus' networks are closed); nothing frames them.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** JSON answers need nothing; Swagger UI (same chain) styles itself inline. */
    static final String API_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String[] API_DOCS = {"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    /** HSTS for a year, sent only over TLS (also when a trusted proxy says X-Forwarded-Proto: https). */
    private static final long HSTS_SECONDS = 365L * 24 * 3600;

    @Bean
    UserDetailsService userDetailsService(UserMapper users) {
        return username -> {
            LoanUser user = users.findForPasswordLogin(username);
            if (user == null) {
                throw new UsernameNotFoundException(username);
            }
            return user;
        };
    }

    /** Passwords by BCrypt, behind the lock (LoginLockingProvider). */
    @Bean
    LoginLockingProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginLock lock) {
        return new LoginLockingProvider(users, encoder, lock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuditTrail audit, ProblemResponses problems,
                                    ObjectMapper json, ApiTokenAuthenticator tokens, LoginLock lock,
                                    UserAdminService users,
                                    @Value("${loan.api-docs.public:false}") boolean apiDocsPublic) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(csrf -> csrf.disable()) // stateless HTTP Basic clients carry no session cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> headers(h, API_POLICY))
                // system clients: an API token instead of BCrypt on every request
                .addFilterBefore(new BearerTokenFilter(tokens, lock, problems, json), BasicAuthenticationFilter.class)
                // a one-time password allows nothing but choosing one's own
                .addFilterAfter(new PasswordChangeRequiredFilter(users, problems, json), AuthorizationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof InternalAuthenticationServiceException && DatabaseTrouble.is(e)) {
                        // the user could not be read: the database is down, the password was never checked
                        response.setHeader("Retry-After", "5");
                        write(response, json, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database.unavailable",
                                List.of()));
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"bjl\"");
                    write(response, json, e instanceof LockedException
                            ? problems.of(HttpStatus.UNAUTHORIZED, "auth.locked", List.of(), e.getMessage())
                            : problems.of(HttpStatus.UNAUTHORIZED, "auth.required", List.of()));
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    audit.refusal(CurrentUser.username(), "ACCESS_DENIED", "endpoint",
                            request.getMethod() + " " + request.getRequestURI(), AuditTrail.DENIED, null);
                    write(response, json, problems.of(HttpStatus.FORBIDDEN, "auth.forbidden", List.of()));
                }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // the API's description is public in the demo only (loan.api-docs.public=true there)
                        .requestMatchers(API_DOCS).access((who, ctx) -> new AuthorizationDecision(apiDocsPublic
                                || isSignedIn(who.get())))
                        .requestMatchers(API + "/users", API + "/users/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, API + "/audit-events/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.GET, API + "/batch-runs/**").hasAnyRole(ADMIN.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, API + "/reports/**", API + "/court-actions/*/*/letter.pdf")
                        .hasAnyRole(ACCOUNTANT.name(), REVIEWER.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, API + "/onboarding/**")
                        .hasAnyRole(ACCOUNTANT.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, API + "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, API + "/reports/verification")
                        .hasAnyRole(ACCOUNTANT.name(), REVIEWER.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, API + "/exceptions/*/resolution").hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, API + "/court-actions/deductions/*/write-off")
                        .hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, API + "/districts").hasRole(ADMIN.name())
                        .requestMatchers(API + "/me/tokens/**").authenticated()
                        .requestMatchers(HttpMethod.POST, API + "/me/password").authenticated()
                        .requestMatchers(API + "/service-accounts/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.POST, API + "/projects/*/milestones/*/verification").hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, API + "/disbursements/*/approval",
                                API + "/disbursements/*/rejection", API + "/facilities/*/term-changes/*/approval",
                                API + "/facilities/*/term-changes/*/rejection").hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, API + "/facilities", API + "/facilities/*/drawdowns",
                                API + "/facilities/*/repayments", API + "/facilities/*/term-changes", API + "/projects",
                                API + "/projects/*/payees",
                                API + "/projects/*/allocations", API + "/projects/*/milestones",
                                API + "/projects/*/repayments", API + "/projects/*/status", API + "/disbursements",
                                API + "/disbursements/*/payment", API + "/disbursements/*/reversal",
                                API + "/bank-statements", API + "/bank-statements/preview",
                                API + "/bank-statements/mappings", API + "/bank-statements/held/*/confirmation",
                                API + "/bank-statements/held/*/drop", API + "/court-actions/**",
                                API + "/onboarding", API + "/onboarding/*/confirmation")
                        .hasRole(ACCOUNTANT.name())
                        .requestMatchers(HttpMethod.PUT, API + "/projects/*").hasRole(ACCOUNTANT.name())
                        // no other endpoint takes these methods: MVC answers 405 with Allow (problem+json), not a 403
                        .requestMatchers(HttpMethod.PUT, API + "/**").authenticated()
                        .requestMatchers(HttpMethod.DELETE, API + "/**").authenticated()
                        .requestMatchers(HttpMethod.PATCH, API + "/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The pages: form login with a session (HttpOnly, SameSite=Strict cookie), CSRF on, menus by role. A refused page
     * answers 403 and is audited, like the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuditTrail audit, UserAdminService users,
                                     ProblemResponses problems, ObjectMapper json) throws Exception {
        http.headers(h -> headers(h, PAGE_POLICY))
                .addFilterAfter(new PasswordChangeRequiredFilter(users, problems, json), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/fonts/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/projects/new", "/projects/*/edit").hasRole(ACCOUNTANT.name())
                        .requestMatchers(HttpMethod.POST, "/projects/*/setup/**", "/projects/*/status")
                        .hasRole(ACCOUNTANT.name())
                        .requestMatchers("/disbursements/new", "/disbursements/work", "/disbursements/work/**", "/disbursements/*/payment", "/disbursements/*/reversal", "/projects/*/repayments/**",
                                "/statements/**", "/onboarding/**").hasRole(ACCOUNTANT.name())
                        .requestMatchers(HttpMethod.POST, "/court-actions/deductions/*/write-off")
                        .hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/court-actions/**").hasRole(ACCOUNTANT.name())
                        .requestMatchers("/court-actions/**")
                        .hasAnyRole(ACCOUNTANT.name(), REVIEWER.name(), AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/facilities/*/term-changes/*/approval",
                                "/facilities/*/term-changes/*/rejection").hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/facilities/**").hasRole(ACCOUNTANT.name())
                        .requestMatchers("/review/**").hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/exceptions/*/resolution").hasRole(REVIEWER.name())
                        .requestMatchers("/exceptions/**").hasAnyRole(REVIEWER.name(), AUDITOR.name())
                        .requestMatchers("/reports/**").hasAnyRole(ACCOUNTANT.name(), REVIEWER.name(), AUDITOR.name())
                        .requestMatchers("/audit/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .requestMatchers("/batch-runs/**", "/users", "/users/**").hasRole(ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> {
                            String name = request.getParameter("username");
                            String reason = e instanceof LockedException ? "locked=" + e.getMessage() : "error";
                            // the name typed is kept; the password never is
                            response.sendRedirect(request.getContextPath() + "/login?" + reason + "&username="
                                    + java.net.URLEncoder.encode(name == null ? "" : name,
                                    java.nio.charset.StandardCharsets.UTF_8));
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null) {
                                audit.record(auth.getName(), "LOGOUT", "user", auth.getName(), AuditTrail.SUCCESS,
                                        "退出登录，来自 " + request.getRemoteAddr());
                            }
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    audit.refusal(CurrentUser.username(), "ACCESS_DENIED", "page",
                            request.getMethod() + " " + request.getRequestURI(), AuditTrail.DENIED, null);
                    response.sendError(HttpStatus.FORBIDDEN.value());
                }));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    private static boolean isSignedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
