package cn.baojiaolou.loan.apidocs;

import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * The roles each operation needs, for the document: the URL rules of SecurityConfig, in its order (first match wins),
 * in path-template form. An empty list is "any signed-in user". RoleMatrixTest checks the rules themselves;
 * ApiContractTest checks that every operation of the document is covered here.
 */
final class Roles {

    private record Rule(String method, String pattern, List<String> roles) {
    }

    private static final List<String> ANY = List.of();
    private static final List<String> READERS = List.of("ACCOUNTANT", "REVIEWER", "AUDITOR");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final List<Rule> RULES = List.of(
            new Rule(null, "/api/v1/users", List.of("ADMIN")),
            new Rule(null, "/api/v1/users/**", List.of("ADMIN")),
            new Rule("GET", "/api/v1/audit-events/**", List.of("AUDITOR", "ADMIN")),
            new Rule("GET", "/api/v1/batch-runs/**", List.of("ADMIN", "AUDITOR")),
            new Rule("GET", "/api/v1/reports/**", READERS),
            new Rule("GET", "/api/v1/court-actions/*/*/letter.pdf", READERS),
            new Rule("GET", "/api/v1/onboarding/**", List.of("ACCOUNTANT", "AUDITOR")),
            new Rule("GET", "/api/v1/**", ANY),
            new Rule("POST", "/api/v1/reports/verification", READERS),
            new Rule("POST", "/api/v1/exceptions/*/resolution", List.of("REVIEWER")),
            new Rule("POST", "/api/v1/court-actions/deductions/*/write-off", List.of("REVIEWER")),
            new Rule("POST", "/api/v1/districts", List.of("ADMIN")),
            new Rule(null, "/api/v1/me/tokens/**", ANY),
            new Rule("POST", "/api/v1/me/password", ANY),
            new Rule(null, "/api/v1/service-accounts/**", List.of("ADMIN")),
            new Rule("POST", "/api/v1/projects/*/milestones/*/verification", List.of("REVIEWER")),
            new Rule("PUT", "/api/v1/projects/*", List.of("ACCOUNTANT")),
            new Rule("POST", "/api/v1/disbursements/*/approval", List.of("REVIEWER")),
            new Rule("POST", "/api/v1/facilities/*/term-changes/*/approval", List.of("REVIEWER")),
            new Rule("POST", "/api/v1/facilities/*/term-changes/*/rejection", List.of("REVIEWER")),
            new Rule("POST", "/api/v1/disbursements/*/rejection", List.of("REVIEWER")),
            // every other POST of SecurityConfig's list is the accountant's
            new Rule("POST", "/api/v1/**", List.of("ACCOUNTANT")));

    static List<String> of(String method, String template) {
        String path = template.replaceAll("\\{[^}]+}", "x");
        return RULES.stream().filter(r -> (r.method() == null || r.method().equals(method))
                        && PATHS.match(r.pattern(), path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no role rule for " + method + " " + template)).roles();
    }

    private Roles() {
    }
}
