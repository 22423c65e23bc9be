package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * District scope (DOMAIN.md "Users": a district user sees only its projects). Another district's project answers
 * exactly as an unknown one would (404, same body), the attempt is audited as ACCESS_DENIED, and nothing is
 * written. Facilities are city-level: a district user only reads them.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictScopeTest {

    static final List<String> TABLES = List.of("district", "app_user", "facility", "project", "payee", "allocation",
            "milestone", "milestone_verification", "disbursement", "project_repayment", "ledger_entry",
            "audit_event", "idempotency_record");
    static final String UNKNOWN_PROJECT = "NOPE-P-404";
    static final long UNKNOWN_ID = 987_654_321L;

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

    /** One district's ready project with a paid, an approved and a requested disbursement. */
    record Side(Fixtures.Ready ready, long paid, long approved, long requested) {
        String project() {
            return ready.code();
        }

        long districtId() {
            return ready.district().id();
        }

        Milestone milestone(int i) {
            return ready.milestones().get(i);
        }
    }

    Side mine;
    Side theirs;
    LoanUser accountant;
    LoanUser auditor;
    LoanUser reviewer;

    @BeforeAll
    void setUp() {
        mine = side();
        theirs = side();
        accountant = fx.user(Role.ACCOUNTANT, mine.districtId());
        auditor = fx.user(Role.AUDITOR, mine.districtId());
        reviewer = fx.user(Role.REVIEWER, mine.districtId());
    }

    Side side() {
        return side(fx.ready(new BigDecimal("1000000.00")));
    }

    /** A fresh project in the user's own district, on the same facility, with milestones 20/50/95%. */
    Side ownSide() {
        District d = mine.ready().district();
        String facility = mine.ready().facilityCode();
        String project = fx.project(d);
        fx.allocate(project, facility, new BigDecimal("400000.00"), LocalDate.of(2023, 1, 2));
        Payee payee = fx.payee(project, PayeeKind.CONTRACTOR);
        List<Milestone> ms = List.of(
                fx.milestone(project, "复工", "20", LocalDate.of(2023, 3, 1)),
                fx.milestone(project, "主体结构封顶", "50", LocalDate.of(2023, 9, 1)),
                fx.milestone(project, "竣工验收", "95", LocalDate.of(2024, 3, 1)));
        return side(fx.readyOf(d, facility, project, payee, ms));
    }

    Side side(Fixtures.Ready r) {
        Milestone first = r.milestones().get(0);
        fx.verify(r.code(), first, LocalDate.of(2023, 2, 1));
        Disbursement paid = fx.paid(r.code(), r.payee(), first, new BigDecimal("50000.00"),
                LocalDate.of(2023, 2, 10));
        Disbursement approved = fx.approved(r.code(), r.payee(), first, new BigDecimal("10000.00"));
        Disbursement requested = fx.as(fx.cityUser(Role.ACCOUNTANT), () -> disbursements.request(r.code(),
                r.payee().id(), first.id(), "工程款", new BigDecimal("10000.00"), null));
        return new Side(r, paid.id(), approved.id(), requested.id());
    }

    Stream<LoanUser> readers() {
        return Stream.of(accountant, auditor);
    }

    // ---------------------------------------------------------------- reading

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void theProjectListShowsOnlyTheUsersDistrict(LoanUser user) throws Exception {
        String list = body(get(user, "/api/v1/projects"));
        List<Number> districts = JsonPath.read(list, "$[*].districtId");
        List<String> codes = JsonPath.read(list, "$[*].code");
        assertThat(codes).contains(mine.project()).doesNotContain(theirs.project());
        assertThat(districts).isNotEmpty().allSatisfy(d -> assertThat(d.longValue()).isEqualTo(mine.districtId()));

        // asking for the other district, or searching for its project by code, finds nothing
        String other = body(get(user, "/api/v1/projects?district=" + theirs.ready().district().code()));
        assertThat(JsonPath.<List<Object>>read(other, "$")).isEmpty();
        String search = body(get(user, "/api/v1/projects?q=" + theirs.project()));
        assertThat(JsonPath.<List<Object>>read(search, "$")).isEmpty();

        String payments = body(get(user, "/api/v1/disbursements"));
        List<String> paymentProjects = JsonPath.read(payments, "$[*].projectCode");
        assertThat(paymentProjects).contains(mine.project()).doesNotContain(theirs.project());
        List<Number> ids = JsonPath.read(payments, "$[*].id");
        assertThat(ids.stream().map(Number::longValue)).doesNotContain(theirs.paid(), theirs.approved(),
                theirs.requested());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void anotherDistrictsProjectIs404LikeAnUnknownOneAndTheAttemptIsAudited(LoanUser user) throws Exception {
        for (String suffix : List.of("", "/interest", "/ledger",
                "/repayments/preview?amount=1000.00&valueDate=2024-01-02")) {
            long denials = denials(user, "project", theirs.project());
            MockHttpServletResponse other = get(user, "/api/v1/projects/" + theirs.project() + suffix);
            MockHttpServletResponse unknown = get(user, "/api/v1/projects/" + UNKNOWN_PROJECT + suffix);

            assertThat(other.getStatus()).as("GET other%s: %s", suffix, body(other)).isEqualTo(404);
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(other.getContentType()).startsWith("application/problem+json");
            assertThat(body(other).replace(theirs.project(), "X"))
                    .as("GET other%s answers like an unknown code", suffix)
                    .isEqualTo(body(unknown).replace(UNKNOWN_PROJECT, "X"));
            assertThat(denials(user, "project", theirs.project())).as("ACCESS_DENIED for GET %s", suffix)
                    .isEqualTo(denials + 1);
            assertThat(denials(user, "project", UNKNOWN_PROJECT)).isZero();
        }
        // the project as a filter of the disbursement list
        MockHttpServletResponse other = get(user, "/api/v1/disbursements?project=" + theirs.project());
        MockHttpServletResponse unknown = get(user, "/api/v1/disbursements?project=" + UNKNOWN_PROJECT);
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(body(other).replace(theirs.project(), "X")).isEqualTo(body(unknown).replace(UNKNOWN_PROJECT, "X"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void anotherDistrictsDisbursementIs404LikeAnUnknownOne(LoanUser user) throws Exception {
        String id = String.valueOf(theirs.paid());
        long denials = denials(user, "project", theirs.project());
        MockHttpServletResponse other = get(user, "/api/v1/disbursements/" + id);
        MockHttpServletResponse unknown = get(user, "/api/v1/disbursements/" + UNKNOWN_ID);
        assertThat(other.getStatus()).as(body(other)).isEqualTo(404);
        assertThat(denials(user, "project", theirs.project())).isEqualTo(denials + 1);
        // the same body as an id that does not exist, so ids cannot be probed across districts
        assertThat(withoutNumber(body(other), id)).as("other district's disbursement vs an unknown id")
                .isEqualTo(withoutNumber(body(unknown), String.valueOf(UNKNOWN_ID)));
    }

    @Test
    void theUsersOwnDistrictIsReadable() throws Exception {
        for (LoanUser user : List.of(accountant, auditor, reviewer)) {
            MockHttpServletResponse r = get(user, "/api/v1/projects/" + mine.project());
            assertThat(r.getStatus()).as(body(r)).isEqualTo(200);
            MockHttpServletResponse d = get(user, "/api/v1/disbursements/" + mine.paid());
            assertThat(d.getStatus()).as(body(d)).isEqualTo(200);
        }
    }

    @Test
    void aDistrictAuditorReadsOnlyTheirDistrictsAuditTrail() throws Exception {
        // the trail of their own project is there ...
        String own = body(get(auditor, "/api/v1/audit-events?targetType=project&targetId=" + mine.project()));
        assertThat(JsonPath.<List<String>>read(own, "$[*].action")).contains("PROJECT_CREATED", "PAYEE_REGISTERED");
        // ... but not another district's project or payments, whose rows carry their full before/after state.
        // (Rows written by this district's own users, e.g. their refused attempts, may be shown.)
        for (String query : List.of("targetType=project&targetId=" + theirs.project(),
                "targetType=disbursement&targetId=" + theirs.paid(), "limit=1000")) {
            MockHttpServletResponse r = get(auditor, "/api/v1/audit-events?" + query);
            assertThat(r.getStatus()).isEqualTo(200);
            List<Map<String, Object>> rows = JsonPath.read(body(r), "$");
            assertThat(rows).as("audit rows of another district shown to a district auditor (%s)", query)
                    .filteredOn(row -> !usersOfMyDistrict().contains(String.valueOf(row.get("username"))))
                    .filteredOn(row -> theirs.project().equals(row.get("targetId"))
                            || String.valueOf(theirs.paid()).equals(row.get("targetId"))
                            && "disbursement".equals(row.get("targetType")))
                    .isEmpty();
        }
    }

    private List<String> usersOfMyDistrict() {
        return jdbc.queryForList("SELECT username FROM app_user WHERE district_id = ?", String.class,
                mine.districtId());
    }

    // ---------------------------------------------------------------- writing

    /** A write aimed at the other district's data, by the district user allowed to make it in their own. */
    record Attempt(String what, Function<DistrictScopeTest, LoanUser> who, Function<Side, URI> path,
                   Function<Side, Map<String, Object>> body, int status, String code, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Attempt> attempts() {
        Function<DistrictScopeTest, LoanUser> acc = t -> t.accountant;
        Function<DistrictScopeTest, LoanUser> rev = t -> t.reviewer;
        return Stream.of(
                new Attempt("payee", acc, s -> URI.create("/api/v1/projects/" + s.project() + "/payees"),
                        s -> map("name", "收款单位", "accountNo", Fixtures.code("ACC"), "bankName", "中国银行",
                                "kind", "SUPPLIER"), 404, "project.notFound", null),
                new Attempt("allocation", acc, s -> URI.create("/api/v1/projects/" + s.project() + "/allocations"),
                        s -> map("facilityCode", s.ready().facilityCode(), "amount", "1000.00", "approvalRef", "零财〔2023〕9号",
                                "approvedOn", "2023-01-05"), 404, "project.notFound", null),
                new Attempt("milestone", acc, s -> URI.create("/api/v1/projects/" + s.project() + "/milestones"),
                        s -> map("name", "竣工备案", "plannedDate", "2025-01-01", "cumulativeCapPercent", "99"), 404,
                        "project.notFound", null),
                new Attempt("project repayment", acc,
                        s -> URI.create("/api/v1/projects/" + s.project() + "/repayments"),
                        s -> map("amount", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("HK")),
                        404, "project.notFound", null),
                new Attempt("disbursement request", acc, s -> URI.create("/api/v1/disbursements"),
                        s -> map("projectCode", s.project(), "payeeId", s.ready().payee().id(), "milestoneId",
                                s.milestone(0).id(), "purpose", "工程款", "amount", "1000.00"), 422,
                        "project.notFound", "projectCode"),
                new Attempt("payment", acc, s -> URI.create("/api/v1/disbursements/" + s.approved() + "/payment"),
                        s -> map("paidOn", "2023-03-01", "voucherNo", Fixtures.code("PAY")), 404, null, null),
                new Attempt("reversal", acc, s -> URI.create("/api/v1/disbursements/" + s.paid() + "/reversal"),
                        s -> map("reason", "冲正", "reversedOn", "2023-03-01"), 404, null, null),
                new Attempt("approval", rev, s -> URI.create("/api/v1/disbursements/" + s.requested() + "/approval"),
                        s -> map("note", "同意"), 404, null, null),
                new Attempt("rejection", rev, s -> URI.create("/api/v1/disbursements/" + s.requested()
                        + "/rejection"), s -> map("reason", "不同意"), 404, null, null),
                new Attempt("milestone verification", rev, s -> URI.create("/api/v1/projects/" + s.project()
                        + "/milestones/" + s.milestone(1).id() + "/verification"),
                        s -> map("verifiedOn", "2023-09-01", "inspector", "监理王工", "evidenceRef", "JL-1"), 404,
                        "project.notFound", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void writingToAnotherDistrictIsRefusedWritesNothingAndIsAudited(Attempt a) throws Exception {
        LoanUser user = a.who().apply(this);
        Map<String, Long> before = counts();
        long denials = denials(user, "project", theirs.project());

        MockHttpServletResponse r = post(user, a.path().apply(theirs), a.body().apply(theirs));
        assertThat(r.getStatus()).as("%s: %s", a, body(r)).isEqualTo(a.status());
        assertThat(r.getContentType()).startsWith("application/problem+json");
        if (a.code() != null) {
            assertThat((String) JsonPath.read(body(r), "$.code")).isEqualTo(a.code());
        }
        if (a.field() != null) {
            assertThat((String) JsonPath.read(body(r), "$.errors[0].field")).isEqualTo(a.field());
        }
        assertThat(body(r)).doesNotContain(theirs.ready().district().name());

        Map<String, Long> after = counts();
        assertThat(after.get("audit_event")).as("only the ACCESS_DENIED row").isEqualTo(before.get("audit_event") + 1);
        assertThat(denials(user, "project", theirs.project())).isEqualTo(denials + 1);
        after.remove("audit_event");
        before.remove("audit_event");
        assertThat(after).as("%s writes nothing", a).isEqualTo(before);

        // the same write in the user's own district goes through (so the refusal above is about scope)
        Side own = ownSide();
        MockHttpServletResponse ok = post(user, a.path().apply(own), a.body().apply(own));
        assertThat(ok.getStatus()).as("own district %s: %s", a, body(ok)).isBetween(200, 299);
    }

    @Test
    void aRequestNamingAnotherDistrictsProjectAnswersLikeAnUnknownProject() throws Exception {
        Map<String, Object> other = map("projectCode", theirs.project(), "payeeId", theirs.ready().payee().id(),
                "milestoneId", theirs.milestone(0).id(), "purpose", "工程款", "amount", "1000.00");
        Map<String, Object> unknown = new LinkedHashMap<>(other);
        unknown.put("projectCode", UNKNOWN_PROJECT);
        String a = body(post(accountant, URI.create("/api/v1/disbursements"), other));
        String b = body(post(accountant, URI.create("/api/v1/disbursements"), unknown));
        assertThat(a.replace(theirs.project(), "X")).isEqualTo(b.replace(UNKNOWN_PROJECT, "X"));
    }

    @Test
    void aDistrictUserCannotRegisterAProjectInAnotherDistrict() throws Exception {
        Map<String, Long> before = counts();
        MockHttpServletResponse r = post(accountant, URI.create("/api/v1/projects"), map("code", Fixtures.code("P"),
                "name", "越区项目", "district", theirs.ready().district().code(), "developer", "测试置业",
                "totalUnits", 10));
        assertThat(r.getStatus()).as(body(r)).isEqualTo(403);
        assertThat((String) JsonPath.read(body(r), "$.code")).isEqualTo("project.otherDistrict");
        Map<String, Long> after = counts();
        after.remove("audit_event");
        before.remove("audit_event");
        assertThat(after).isEqualTo(before);

        MockHttpServletResponse own = post(accountant, URI.create("/api/v1/projects"), map("code",
                Fixtures.code("P"), "name", "本区项目", "district", mine.ready().district().code(), "developer",
                "测试置业", "totalUnits", 10));
        assertThat(own.getStatus()).as(body(own)).isEqualTo(201);
    }

    @Test
    void aDistrictUserCannotPostFacilitiesDrawdownsOrCentralRepayments() throws Exception {
        String facility = mine.ready().facilityCode();
        List<Map.Entry<URI, Map<String, Object>>> writes = List.of(
                Map.entry(URI.create("/api/v1/facilities"), map("code", Fixtures.code("F"), "name", "区县自借",
                        "lender", "国家开发银行", "borrower", "区发展集团", "amount", "1000000.00", "annualRate", "0.03",
                        "startDate", "2023-01-01", "maturityDate", "2026-12-31")),
                Map.entry(URI.create("/api/v1/facilities/" + facility + "/drawdowns"), map("amount", "1000.00",
                        "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TK"))),
                Map.entry(URI.create("/api/v1/facilities/" + facility + "/repayments"), map("principal", "1000.00",
                        "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TH"))));
        for (Map.Entry<URI, Map<String, Object>> w : writes) {
            Map<String, Long> before = counts();
            MockHttpServletResponse r = post(accountant, w.getKey(), w.getValue());
            assertThat(r.getStatus()).as("%s: %s", w.getKey(), body(r)).isEqualTo(403);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat((String) JsonPath.read(body(r), "$.code")).isEqualTo("facility.cityOnly");
            Map<String, Long> after = counts();
            after.remove("audit_event");
            before.remove("audit_event");
            assertThat(after).as("%s writes nothing", w.getKey()).isEqualTo(before);
        }
        // reading facilities is fine
        assertThat(get(accountant, "/api/v1/facilities/" + facility).getStatus()).isEqualTo(200);
    }

    /** A 403 leaves an ACCESS_DENIED row (as the role matrix's 403s and ProjectAccess's 404s do). */
    @Test
    void theDistrictRefusalsWithA403AreAuditedToo() throws Exception {
        long before = anyDenials(accountant);
        post(accountant, URI.create("/api/v1/facilities"), map("code", Fixtures.code("F"), "name", "区县自借",
                "lender", "国家开发银行", "borrower", "区发展集团", "amount", "1000000.00", "annualRate", "0.03",
                "startDate", "2023-01-01", "maturityDate", "2026-12-31"));
        assertThat(anyDenials(accountant)).as("ACCESS_DENIED after POST /facilities by a district user")
                .isEqualTo(before + 1);
        post(accountant, URI.create("/api/v1/projects"), map("code", Fixtures.code("P"), "name", "越区项目",
                "district", theirs.ready().district().code(), "developer", "测试置业", "totalUnits", 10));
        assertThat(anyDenials(accountant)).as("ACCESS_DENIED after POST /projects into another district")
                .isEqualTo(before + 2);
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The body with one id blanked out (whole numbers only: "4" must not touch "404"). */
    private static String withoutNumber(String body, String id) {
        return body.replaceAll("(?<![0-9])" + id + "(?![0-9])", "X");
    }

    private long denials(LoanUser user, String targetType, String targetId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'ACCESS_DENIED' "
                + "AND result = 'DENIED' AND target_type = ? AND target_id = ?", Long.class, user.username(),
                targetType, targetId);
    }

    private long anyDenials(LoanUser user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'ACCESS_DENIED'",
                Long.class, user.username());
    }

    private MockHttpServletResponse get(LoanUser user, String path) throws Exception {
        return send(MockMvcRequestBuilders.get(URI.create(path)).with(httpBasic(user.username(), Fixtures.PASSWORD)));
    }

    private MockHttpServletResponse post(LoanUser user, URI path, Map<String, Object> body) throws Exception {
        return send(MockMvcRequestBuilders.post(path).with(httpBasic(user.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content(json.writeValueAsBytes(body)));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder req) throws Exception {
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
