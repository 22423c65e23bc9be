package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The role × endpoint matrix of SecurityConfig (DOMAIN.md "Users"), over HTTP Basic with real users whose passwords
 * BCrypt checks: who may post what, who may read the audit trail, what a refusal looks like and what it leaves in
 * the audit trail; and maker ≠ checker on disbursements.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    static final List<String> TABLES = List.of("district", "app_user", "facility", "project", "payee", "allocation",
            "milestone", "milestone_verification", "disbursement", "project_repayment", "ledger_entry",
            "audit_event", "idempotency_record");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    Fixtures fx;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisbursementService disbursements;

    final Map<Role, LoanUser> users = new EnumMap<>(Role.class);
    Scene shared;

    record Scene(String districtCode, String facility, String spareFacility, String project, String bareProject,
                 long payeeId, List<Milestone> milestones, long requested, long approved, long paid) {
    }

    @BeforeAll
    void setUp() {
        for (Role role : Role.PEOPLE) {
            users.put(role, fx.user(role, null));
        }
        shared = newScene();
    }

    Scene newScene() {
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        Milestone first = r.milestones().get(0);
        fx.verify(r.code(), first, LocalDate.of(2023, 2, 1));
        Disbursement paid = fx.paid(r.code(), r.payee(), first, new BigDecimal("50000.00"),
                LocalDate.of(2023, 2, 10));
        Disbursement approved = fx.approved(r.code(), r.payee(), first, new BigDecimal("10000.00"));
        Disbursement requested = fx.as(fx.cityUser(Role.ACCOUNTANT), () -> disbursements.request(r.code(),
                r.payee().id(), first.id(), "工程款", new BigDecimal("10000.00"), null));
        String spare = fx.facility(new BigDecimal("5000000.00"), "0.035", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        return new Scene(r.district().code(), r.facilityCode(), spare, r.code(), fx.project(r.district()),
                r.payee().id(), r.milestones(), requested.id(), approved.id(), paid.id());
    }

    /** A POST endpoint, the one role SecurityConfig lets call it, and a body it accepts. */
    record Post(String name, Role allowed, Function<Scene, URI> path, Function<Scene, Map<String, Object>> body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static URI uri(String template, Object... vars) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(vars).toUri();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Post> posts() {
        return List.of(
                new Post("POST /districts", Role.ADMIN, s -> uri("/api/v1/districts"), s -> {
                    String code = Fixtures.code("D");
                    return map("code", code, "name", "新设区" + code);
                }),
                new Post("POST /facilities", Role.ACCOUNTANT, s -> uri("/api/v1/facilities"),
                        s -> map("code", Fixtures.code("F"), "name", "第二批保交楼专项借款", "lender", "中国农业发展银行",
                                "borrower", "测试发展集团", "amount", "5000000.00", "annualRate", "0.035",
                                "startDate", "2023-01-01", "maturityDate", "2027-12-31")),
                new Post("POST /facilities/{code}/drawdowns", Role.ACCOUNTANT,
                        s -> uri("/api/v1/facilities/{c}/drawdowns", s.spareFacility()),
                        s -> map("amount", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TK"))),
                new Post("POST /facilities/{code}/repayments", Role.ACCOUNTANT,
                        s -> uri("/api/v1/facilities/{c}/repayments", s.facility()),
                        s -> map("principal", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TH"))),
                new Post("POST /projects", Role.ACCOUNTANT, s -> uri("/api/v1/projects"),
                        s -> map("code", Fixtures.code("P"), "name", "香零公馆", "district", s.districtCode(),
                                "developer", "测试置业有限公司", "totalUnits", 300)),
                new Post("POST /projects/{code}/payees", Role.ACCOUNTANT,
                        s -> uri("/api/v1/projects/{c}/payees", s.project()),
                        s -> map("name", "农民工工资专户", "accountNo", Fixtures.code("ACC"), "bankName", "中国农业银行",
                                "kind", "WAGE_ACCOUNT")),
                new Post("POST /projects/{code}/allocations", Role.ACCOUNTANT,
                        s -> uri("/api/v1/projects/{c}/allocations", s.project()),
                        s -> map("facilityCode", s.facility(), "amount", "1000.00", "approvalRef", "零财〔2023〕7号",
                                "approvedOn", "2023-01-05")),
                new Post("POST /projects/{code}/milestones", Role.ACCOUNTANT,
                        s -> uri("/api/v1/projects/{c}/milestones", s.bareProject()),
                        s -> map("name", "复工", "plannedDate", "2024-03-01", "cumulativeCapPercent", "20")),
                new Post("POST /projects/{code}/milestones/{id}/verification", Role.REVIEWER,
                        s -> uri("/api/v1/projects/{c}/milestones/{id}/verification", s.project(),
                                s.milestones().get(1).id()),
                        s -> map("verifiedOn", "2023-09-01", "inspector", "监理王工", "evidenceRef", "JL-2023-0901")),
                new Post("POST /disbursements", Role.ACCOUNTANT, s -> uri("/api/v1/disbursements"),
                        s -> map("projectCode", s.project(), "payeeId", s.payeeId(), "milestoneId",
                                s.milestones().get(0).id(), "purpose", "材料款", "amount", "1000.00")),
                new Post("POST /disbursements/{id}/approval", Role.REVIEWER,
                        s -> uri("/api/v1/disbursements/{id}/approval", s.requested()), s -> map("note", "同意")),
                new Post("POST /disbursements/{id}/rejection", Role.REVIEWER,
                        s -> uri("/api/v1/disbursements/{id}/rejection", s.requested()), s -> map("reason", "资料不全")),
                new Post("POST /disbursements/{id}/payment", Role.ACCOUNTANT,
                        s -> uri("/api/v1/disbursements/{id}/payment", s.approved()),
                        s -> map("paidOn", "2023-03-01", "voucherNo", Fixtures.code("PAY"))),
                new Post("POST /disbursements/{id}/reversal", Role.ACCOUNTANT,
                        s -> uri("/api/v1/disbursements/{id}/reversal", s.paid()),
                        s -> map("reason", "收款账户登记有误", "reversedOn", "2023-03-01")),
                new Post("POST /projects/{code}/repayments", Role.ACCOUNTANT,
                        s -> uri("/api/v1/projects/{c}/repayments", s.project()),
                        s -> map("amount", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("HK"))));
    }

    static Stream<Post> allowedPosts() {
        return posts().stream();
    }

    static Stream<Arguments> forbiddenPosts() {
        List<Arguments> out = new ArrayList<>();
        for (Post p : posts()) {
            for (Role role : Role.PEOPLE) {
                if (role != p.allowed()) {
                    out.add(Arguments.of(role, p));
                }
            }
        }
        return out.stream();
    }

    static final List<String> MONEY_POSTS = List.of("POST /facilities/{code}/drawdowns",
            "POST /facilities/{code}/repayments", "POST /disbursements", "POST /disbursements/{id}/payment",
            "POST /disbursements/{id}/reversal", "POST /projects/{code}/repayments");

    // ---------------------------------------------------------------- who may post

    @Test
    void theMatrixCoversEveryPostEndpointAndEachRoleAsTheBriefSays() {
        assertThat(posts()).hasSize(15);
        // ACCOUNTANT posts money and project data; REVIEWER approves, rejects and verifies; ADMIN keeps districts
        assertThat(posts().stream().filter(p -> p.allowed() == Role.REVIEWER).map(Post::name)).containsExactlyInAnyOrder(
                "POST /projects/{code}/milestones/{id}/verification", "POST /disbursements/{id}/approval",
                "POST /disbursements/{id}/rejection");
        assertThat(posts().stream().filter(p -> p.allowed() == Role.ADMIN).map(Post::name))
                .containsExactly("POST /districts");
        assertThat(posts().stream().filter(p -> p.allowed() == Role.AUDITOR)).isEmpty();
        assertThat(posts().stream().filter(p -> MONEY_POSTS.contains(p.name())).map(Post::allowed))
                .containsOnly(Role.ACCOUNTANT).hasSize(6);
    }

    @ParameterizedTest(name = "{0} as its role")
    @MethodSource("allowedPosts")
    void theAllowedRoleMayPost(Post p) throws Exception {
        Scene s = newScene();
        MockHttpServletResponse r = post(users.get(p.allowed()), p.path().apply(s), p.body().apply(s), null);
        assertThat(r.getStatus()).as("%s as %s: %s", p, p.allowed(), body(r)).isBetween(200, 299);
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("forbiddenPosts")
    void everyOtherRoleGets403AndAnAccessDeniedAuditRow(Role role, Post p) throws Exception {
        LoanUser user = users.get(role);
        URI path = p.path().apply(shared);
        Map<String, Long> before = counts();
        long denials = denials(user.username());

        MockHttpServletResponse zh = post(user, path, p.body().apply(shared), null);
        assertProblem(zh, 403, "auth.forbidden", true);

        Map<String, Long> after = counts();
        assertThat(after.get("audit_event")).as("one audit row").isEqualTo(before.get("audit_event") + 1);
        after.remove("audit_event");
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.remove("audit_event");
        assertThat(after).as("%s as %s writes nothing", p, role).isEqualTo(expected);

        assertThat(denials(user.username())).isEqualTo(denials + 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT username, action, target_type, target_id, result "
                + "FROM audit_event WHERE username = ? ORDER BY id DESC LIMIT 1", user.username());
        assertThat(row.get("action")).isEqualTo("ACCESS_DENIED");
        assertThat(row.get("result")).isEqualTo("DENIED");
        assertThat(row.get("target_type")).isEqualTo("endpoint");
        assertThat((String) row.get("target_id")).isEqualTo(("POST " + path.getRawPath()).substring(0,
                Math.min(64, ("POST " + path.getRawPath()).length())));

        MockHttpServletResponse en = post(user, path, p.body().apply(shared), "en");
        assertProblem(en, 403, "auth.forbidden", false);
    }

    @Test
    void anAuditorGets403OnEveryPostAndAnAdminOnEveryMoneyPost() throws Exception {
        // the same facts as the matrix above, stated the way DOMAIN.md states them
        for (Post p : posts()) {
            MockHttpServletResponse r = post(users.get(Role.AUDITOR), p.path().apply(shared), p.body().apply(shared),
                    null);
            assertThat(r.getStatus()).as("auditor %s", p).isEqualTo(403);
            if (MONEY_POSTS.contains(p.name())) {
                MockHttpServletResponse a = post(users.get(Role.ADMIN), p.path().apply(shared),
                        p.body().apply(shared), null);
                assertThat(a.getStatus()).as("admin %s", p).isEqualTo(403);
                MockHttpServletResponse rv = post(users.get(Role.REVIEWER), p.path().apply(shared),
                        p.body().apply(shared), null);
                assertThat(rv.getStatus()).as("reviewer %s", p).isEqualTo(403);
            }
        }
    }

    // ---------------------------------------------------------------- who may read

    static List<String> reads(Scene s) {
        return List.of("/api/v1/districts", "/api/v1/facilities", "/api/v1/facilities/" + s.facility(),
                "/api/v1/projects", "/api/v1/projects/" + s.project(), "/api/v1/projects/" + s.project() + "/interest",
                "/api/v1/projects/" + s.project() + "/ledger",
                "/api/v1/projects/" + s.project() + "/repayments/preview?amount=1000.00&valueDate=2024-01-02",
                "/api/v1/disbursements", "/api/v1/disbursements?project=" + s.project(),
                "/api/v1/disbursements/" + s.paid());
    }

    @ParameterizedTest(name = "{0} reads every ledger endpoint")
    @MethodSource("roles")
    void everyRoleReadsTheLedger(Role role) throws Exception {
        for (String path : reads(shared)) {
            MockHttpServletResponse r = get(users.get(role), path, null);
            assertThat(r.getStatus()).as("%s GET %s: %s", role, path, body(r)).isEqualTo(200);
        }
    }

    static Stream<Role> roles() {
        return Role.PEOPLE.stream();
    }

    @ParameterizedTest(name = "{0} reads the audit trail")
    @MethodSource("auditReaders")
    void auditorsAndAdminsReadTheAuditTrail(Role role) throws Exception {
        MockHttpServletResponse r = get(users.get(role), "/api/v1/audit-events?limit=5", null);
        assertThat(r.getStatus()).as(body(r)).isEqualTo(200);
        List<Object> rows = JsonPath.read(body(r), "$");
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        MockHttpServletResponse chain = get(users.get(role), "/api/v1/audit-events/chain-check", null);
        assertThat(chain.getStatus()).as(body(chain)).isEqualTo(200);
    }

    static Stream<Role> auditReaders() {
        return Stream.of(Role.AUDITOR, Role.ADMIN);
    }

    @ParameterizedTest(name = "{0} may not read the audit trail")
    @MethodSource("notAuditReaders")
    void accountantsAndReviewersMayNotReadTheAuditTrail(Role role) throws Exception {
        LoanUser user = users.get(role);
        for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events/chain-check")) {
            long denials = denials(user.username());
            MockHttpServletResponse r = get(user, path, null);
            assertProblem(r, 403, "auth.forbidden", true);
            assertThat(denials(user.username())).as("ACCESS_DENIED row for GET %s", path).isEqualTo(denials + 1);
            String target = jdbc.queryForObject("SELECT target_id FROM audit_event WHERE username = ? "
                    + "AND action = 'ACCESS_DENIED' ORDER BY id DESC LIMIT 1", String.class, user.username());
            assertThat(target).isEqualTo("GET " + path);
        }
    }

    static Stream<Role> notAuditReaders() {
        return Stream.of(Role.ACCOUNTANT, Role.REVIEWER);
    }

    // ---------------------------------------------------------------- who is signed in

    @Test
    void noCredentialsIs401ProblemJsonAndWritesNothing() throws Exception {
        Map<String, Long> before = counts();
        MockHttpServletResponse get = send(MockMvcRequestBuilders.get("/api/v1/projects"), null);
        assertProblem(get, 401, "auth.required", true);
        assertThat(get.getHeader("WWW-Authenticate")).startsWith("Basic");

        Post pay = posts().stream().filter(p -> p.name().equals("POST /disbursements/{id}/payment")).findFirst()
                .orElseThrow();
        MockHttpServletResponse post = send(MockMvcRequestBuilders.post(pay.path().apply(shared))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(json.writeValueAsString(pay.body().apply(shared))), null);
        assertProblem(post, 401, "auth.required", true);

        MockHttpServletResponse en = send(MockMvcRequestBuilders.get("/api/v1/audit-events"), "en");
        assertProblem(en, 401, "auth.required", false);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIs401AndLeavesALoginFailedRow() throws Exception {
        LoanUser accountant = users.get(Role.ACCOUNTANT);
        jdbc.update("DELETE FROM login_lock WHERE username = ?", accountant.username()); // a fresh 15-minute window
        long failures = loginFailures(accountant.username());
        Map<String, Long> before = counts();

        MockHttpServletResponse r = send(MockMvcRequestBuilders.get("/api/v1/projects")
                .with(httpBasic(accountant.username(), "not-the-password")), null);
        assertProblem(r, 401, "auth.required", true);

        assertThat(loginFailures(accountant.username())).isEqualTo(failures + 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT target_type, target_id, result FROM audit_event "
                + "WHERE username = ? AND action = 'LOGIN_FAILED' ORDER BY id DESC LIMIT 1", accountant.username());
        assertThat(row.get("result")).isEqualTo("FAILED");
        assertThat(row.get("target_id")).isEqualTo(accountant.username());

        // a money POST with a wrong password posts nothing and keeps no Idempotency-Key
        Post pay = posts().stream().filter(p -> p.name().equals("POST /disbursements/{id}/payment")).findFirst()
                .orElseThrow();
        MockHttpServletResponse post = send(MockMvcRequestBuilders.post(pay.path().apply(shared))
                .with(httpBasic(accountant.username(), "not-the-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(json.writeValueAsString(pay.body().apply(shared))), "en");
        assertProblem(post, 401, "auth.required", false);
        // the second failure of the window is counted, not audited again: the lock's row is audited when it trips
        assertThat(loginFailures(accountant.username())).isEqualTo(failures + 1);
        assertThat(jdbc.queryForObject("SELECT failures FROM login_lock WHERE username = ?", Integer.class,
                accountant.username())).isEqualTo(2);

        Map<String, Long> after = counts();
        assertThat(after.get("audit_event")).isEqualTo(before.get("audit_event") + 1);
        after.remove("audit_event");
        before.remove("audit_event");
        assertThat(after).isEqualTo(before);
        jdbc.update("DELETE FROM login_lock WHERE username = ?", accountant.username());
    }

    @Test
    void anUnknownUserIs401AndLeavesALoginFailedRowWithTheNameTried() throws Exception {
        String tried = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("DELETE FROM login_throttle WHERE client_addr = '198.18.0.9'"); // a fresh 15-minute window
        MockHttpServletResponse r = send(MockMvcRequestBuilders.get("/api/v1/facilities")
                .with(httpBasic(tried, Fixtures.PASSWORD)).with(request -> {
                    request.setRemoteAddr("198.18.0.9");
                    return request;
                }), null);
        assertProblem(r, 401, "auth.required", true);
        assertThat(loginFailures(tried)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE username = ?", Integer.class, tried))
                .isZero();
    }

    // ---------------------------------------------------------------- maker ≠ checker

    @Test
    void aReviewerCannotApproveOrRejectARequestTheyMadeThemselves() throws Exception {
        // only accountants request; this reviewer made the request when they were still an accountant (roles
        // change), to make sure the rule holds for the person whatever role they hold now
        Fixtures.Ready r = fx.ready(new BigDecimal("1000000.00"));
        fx.verify(r.code(), r.milestones().get(0), LocalDate.of(2023, 2, 1));
        LoanUser reviewer = users.get(Role.REVIEWER);
        Disbursement own = fx.as(Fixtures.withRole(reviewer, Role.ACCOUNTANT), () -> disbursements.request(r.code(), r.payee().id(),
                r.milestones().get(0).id(), "工程款", new BigDecimal("1000.00"), null));
        assertThat(own.requestedBy()).isEqualTo(reviewer.username());

        for (String step : List.of("approval", "rejection")) {
            long before = fx.count("audit_event");
            MockHttpServletResponse resp = post(reviewer, uri("/api/v1/disbursements/{id}/" + step, own.id()),
                    map("note", "同意", "reason", "不同意"), null);
            assertProblem(resp, 403, "disbursement.makerIsChecker", true);
            assertThat(fx.count("audit_event")).isEqualTo(before + 1);
            Map<String, Object> row = jdbc.queryForMap("SELECT action, target_type, target_id, result FROM "
                    + "audit_event WHERE username = ? ORDER BY id DESC LIMIT 1", reviewer.username());
            assertThat(row.get("action")).isEqualTo(step.equals("approval") ? "DISBURSEMENT_APPROVED"
                    : "DISBURSEMENT_REJECTED");
            assertThat(row.get("result")).isEqualTo("DENIED");
            assertThat(row.get("target_id")).isEqualTo(String.valueOf(own.id()));
        }
        Map<String, Object> d = jdbc.queryForMap("SELECT status, decided_by FROM disbursement WHERE id = ?",
                own.id());
        assertThat(d.get("status")).isEqualTo("REQUESTED");
        assertThat(d.get("decided_by")).isNull();

        // another reviewer may
        LoanUser other = fx.user(Role.REVIEWER, null);
        MockHttpServletResponse ok = post(other, uri("/api/v1/disbursements/{id}/approval", own.id()),
                map("note", "同意"), null);
        assertThat(ok.getStatus()).as(body(ok)).isEqualTo(200);
        assertThat((String) JsonPath.read(body(ok), "$.decidedBy")).isEqualTo(other.username());
        assertThat((String) JsonPath.read(body(ok), "$.requestedBy")).isEqualTo(reviewer.username());
    }

    @Test
    void theAccountantWhoMadeARequestCannotApproveIt() throws Exception {
        LoanUser accountant = users.get(Role.ACCOUNTANT);
        Post request = posts().stream().filter(p -> p.name().equals("POST /disbursements")).findFirst()
                .orElseThrow();
        MockHttpServletResponse made = post(accountant, request.path().apply(shared), request.body().apply(shared),
                null);
        assertThat(made.getStatus()).as(body(made)).isEqualTo(201);
        long id = ((Number) JsonPath.read(body(made), "$.id")).longValue();
        assertThat((String) JsonPath.read(body(made), "$.requestedBy")).isEqualTo(accountant.username());

        MockHttpServletResponse approve = post(accountant, uri("/api/v1/disbursements/{id}/approval", id),
                map("note", "自己批"), null);
        assertProblem(approve, 403, "auth.forbidden", true);
        assertThat(jdbc.queryForObject("SELECT status FROM disbursement WHERE id = ?", String.class, id))
                .isEqualTo("REQUESTED");

        MockHttpServletResponse byReviewer = post(users.get(Role.REVIEWER),
                uri("/api/v1/disbursements/{id}/approval", id), map("note", "同意"), null);
        assertThat(byReviewer.getStatus()).as(body(byReviewer)).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private void assertProblem(MockHttpServletResponse r, int status, String code, boolean chinese)
            throws Exception {
        String body = body(r);
        assertThat(r.getStatus()).as(body).isEqualTo(status);
        assertThat(r.getContentType()).as(body).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo(code);
        String detail = JsonPath.read(body, "$.detail");
        String title = JsonPath.read(body, "$.title");
        if (chinese) {
            assertThat(detail).containsPattern(HAN);
            assertThat(title).containsPattern(HAN);
        } else {
            assertThat(detail).doesNotContainPattern(HAN).containsPattern("[A-Za-z]{3,}");
            assertThat(title).doesNotContainPattern(HAN);
        }
    }

    private long denials(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'ACCESS_DENIED' "
                + "AND result = 'DENIED'", Long.class, username);
    }

    private long loginFailures(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'LOGIN_FAILED'",
                Long.class, username);
    }

    private MockHttpServletResponse post(LoanUser user, URI path, Map<String, Object> body, String lang)
            throws Exception {
        return send(MockMvcRequestBuilders.post(path).with(httpBasic(user.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(json.writeValueAsBytes(body)), lang);
    }

    private MockHttpServletResponse get(LoanUser user, String path, String lang) throws Exception {
        return send(MockMvcRequestBuilders.get(URI.create(path)).with(httpBasic(user.username(), Fixtures.PASSWORD)),
                lang);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder req, String lang) throws Exception {
        if (lang != null) {
            req.header("Accept-Language", lang);
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, fx.count(t));
        }
        return counts;
    }
}
