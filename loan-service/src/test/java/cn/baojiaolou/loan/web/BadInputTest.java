package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementPurpose;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * Every POST endpoint, fed bad input: missing fields, impossible amounts and dates, unknown codes and ids, broken
 * JSON, markup and SQL in text fields. Each answer is a 4xx problem+json in Chinese (English on request) naming the
 * field at fault, and the database is exactly as it was: no table gains or loses a row.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    static final List<String> TABLES = List.of("district", "app_user", "facility", "project", "payee", "allocation",
            "milestone", "milestone_verification", "disbursement", "project_repayment", "ledger_entry",
            "audit_event", "idempotency_record");

    static final String XSS = "<script>alert(1)</script>";
    static final String SQLI = "' OR 1=1 --";
    /** Markup for a path segment: an encoded '/' is refused by the firewall before the API sees it. */
    static final String XSS_NO_SLASH = "<img src=x onerror=alert(1)>";
    static final BigDecimal HUGE = new BigDecimal("1000000000000000"); // 10^15
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    Fixtures fx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DisbursementService disbursements;

    Scene shared;
    Map<Who, LoanUser> users;

    enum Who { ACCOUNTANT, REVIEWER, ADMIN }

    /**
     * One project in every state the endpoints need: a verified first milestone, a paid, an approved and a requested
     * disbursement; a facility with undrawn headroom; a second project with no milestones yet.
     */
    record Scene(District district, String facility, String spareFacility, String project, String bareProject,
                 Payee payee, List<Milestone> milestones, long requested, long approved, long paid) {
    }

    @BeforeAll
    void setUp() {
        users = Map.of(Who.ACCOUNTANT, fx.user(Role.ACCOUNTANT, null), Who.REVIEWER, fx.user(Role.REVIEWER, null),
                Who.ADMIN, fx.user(Role.ADMIN, null));
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
        String bare = fx.project(r.district());
        return new Scene(r.district(), r.facilityCode(), spare, r.code(), bare, r.payee(), r.milestones(),
                requested.id(), approved.id(), paid.id());
    }

    // ---------------------------------------------------------------- the endpoints, each with a valid body

    /** A POST endpoint: who may call it, its path and a body it accepts, and what kind each field is. */
    static final class Endpoint {
        final String name;
        final Who who;
        final Function<Scene, URI> path;
        final Function<Scene, Map<String, Object>> valid;
        final boolean moneyMoving;
        List<String> required = List.of();
        List<String> amounts = List.of();
        /** Numbers where 0 is allowed but a negative or a huge value is not. */
        List<String> nonNegatives = List.of();
        List<String> dates = List.of();
        List<String> texts = List.of();
        List<String> codes = List.of();
        final List<Case> extra = new ArrayList<>();

        Endpoint(String name, Who who, boolean moneyMoving, Function<Scene, URI> path,
                 Function<Scene, Map<String, Object>> valid) {
            this.name = name;
            this.who = who;
            this.moneyMoving = moneyMoving;
            this.path = path;
            this.valid = valid;
        }

        Endpoint required(String... f) {
            required = List.of(f);
            return this;
        }

        Endpoint amounts(String... f) {
            amounts = List.of(f);
            return this;
        }

        Endpoint nonNegatives(String... f) {
            nonNegatives = List.of(f);
            return this;
        }

        Endpoint dates(String... f) {
            dates = List.of(f);
            return this;
        }

        Endpoint texts(String... f) {
            texts = List.of(f);
            return this;
        }

        Endpoint codes(String... f) {
            codes = List.of(f);
            return this;
        }

        /** A bad request of another shape: another path, or a body changed by {@code change}. */
        Endpoint bad(String what, Function<Scene, URI> otherPath, Function<Map<String, Object>, Object> change,
                     int status, String code, String field) {
            extra.add(new Case(this, what, otherPath, change, null, status, code, field));
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One bad request and the refusal it must get. Exactly one of change / rawBody shapes the body. */
    record Case(Endpoint endpoint, String what, Function<Scene, URI> otherPath,
                Function<Map<String, Object>, Object> change, String rawBody, int status, String code,
                String field) {

        URI path(Scene s) {
            return otherPath != null ? otherPath.apply(s) : endpoint.path.apply(s);
        }

        String body(Scene s, ObjectMapper json) throws Exception {
            if (rawBody != null) {
                return rawBody;
            }
            Map<String, Object> body = new LinkedHashMap<>(endpoint.valid.apply(s));
            Object changed = change == null ? body : change.apply(body);
            return json.writeValueAsString(changed);
        }

        @Override
        public String toString() {
            return endpoint.name + " — " + what;
        }
    }

    static URI uri(String template, Object... vars) {
        // encode the template first, then each variable in full: a '/' in a code stays inside its path segment
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(vars).toUri();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Function<Map<String, Object>, Object> set(String field, Object value) {
        return body -> {
            body.put(field, value);
            return body;
        };
    }

    static LocalDate future() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
    }

    static final String UNKNOWN = "NOPE-404";
    static final long UNKNOWN_ID = 987_654_321L;

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();

        all.add(new Endpoint("POST /districts", Who.ADMIN, false, s -> uri("/api/v1/districts"), s -> {
            String code = Fixtures.code("D");
            return map("code", code, "name", "新设区" + code);
        }).required("code", "name").texts("name").codes("code")
                .bad("an existing code", null, set("code", "$district"), 409, "district.exists", null));

        all.add(new Endpoint("POST /facilities", Who.ACCOUNTANT, false, s -> uri("/api/v1/facilities"),
                s -> map("code", Fixtures.code("F"), "name", "第二批保交楼专项借款", "lender", "国家开发银行",
                        "borrower", "测试发展集团", "accountNo", "62170001", "amount", "5000000.00",
                        "annualRate", "0.035", "startDate", "2023-01-01", "maturityDate", "2027-12-31"))
                .required("code", "name", "lender", "borrower", "amount", "annualRate", "startDate", "maturityDate")
                .amounts("amount").dates("startDate", "maturityDate")
                .texts("name", "lender", "borrower", "accountNo").codes("code")
                .bad("annualRate = -0.01", null, set("annualRate", "-0.01"), 400, "request.invalid", "annualRate")
                .bad("annualRate = 0", null, set("annualRate", "0"), 400, "request.invalid", "annualRate")
                .bad("annualRate = 10^15", null, set("annualRate", HUGE), 400, "request.invalid", "annualRate")
                .bad("penaltyMarkup = -1", null, set("penaltyMarkup", "-1"), 400, "request.invalid", "penaltyMarkup")
                .bad("penaltyMarkup = 10^15", null, set("penaltyMarkup", HUGE), 400, "request.invalid",
                        "penaltyMarkup")
                .bad("maturity before start", null, set("maturityDate", "2022-12-31"), 422,
                        "facility.maturityBeforeStart", "maturityDate")
                .bad("an existing code", null, set("code", "$facility"), 409, "facility.exists", null));

        all.add(new Endpoint("POST /facilities/{code}/drawdowns", Who.ACCOUNTANT, true,
                s -> uri("/api/v1/facilities/{c}/drawdowns", s.spareFacility()),
                s -> map("amount", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TK")))
                .required("amount", "valueDate", "voucherNo").amounts("amount").dates("valueDate").codes("voucherNo")
                .bad("an unknown facility", s -> uri("/api/v1/facilities/{c}/drawdowns", UNKNOWN), null, 404,
                        "facility.notFound", null)
                .bad("a facility code with SQL", s -> uri("/api/v1/facilities/{c}/drawdowns", SQLI), null, 404,
                        "facility.notFound", null)
                .bad("valueDate in the future", null, set("valueDate", future().toString()), 422,
                        "valueDate.future", "valueDate"));

        all.add(new Endpoint("POST /facilities/{code}/repayments", Who.ACCOUNTANT, true,
                s -> uri("/api/v1/facilities/{c}/repayments", s.facility()),
                s -> map("principal", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("TH")))
                .required("valueDate", "voucherNo").amounts("principal", "interest").dates("valueDate")
                .codes("voucherNo")
                .bad("neither principal nor interest", null, set("principal", null), 422, "centralRepayment.empty",
                        "principal")
                .bad("an unknown facility", s -> uri("/api/v1/facilities/{c}/repayments", UNKNOWN), null, 404,
                        "facility.notFound", null)
                .bad("valueDate in the future", null, set("valueDate", future().toString()), 422,
                        "valueDate.future", "valueDate"));

        all.add(new Endpoint("POST /projects", Who.ACCOUNTANT, false, s -> uri("/api/v1/projects"),
                s -> map("code", Fixtures.code("P"), "name", "吾悦华府", "district", s.district().code(),
                        "developer", "测试置业有限公司", "totalUnits", 565))
                .required("code", "name", "district", "developer", "totalUnits")
                .nonNegatives("fundingGap").dates("expectedDeliveryDate")
                .texts("name", "district", "developer", "developerAccountNo", "contractor", "planText",
                        "responsibleOfficial", "taskForce").codes("code")
                .bad("totalUnits = 0", null, set("totalUnits", 0), 400, "request.invalid", "totalUnits")
                .bad("totalUnits = -1", null, set("totalUnits", -1), 400, "request.invalid", "totalUnits")
                .bad("totalUnits = 10^15", null, set("totalUnits", HUGE), 400, "request.badFieldFormat",
                        "totalUnits")
                .bad("status = NONSENSE", null, set("status", "NONSENSE"), 400, "request.badFieldFormat", "status")
                .bad("an unknown district", null, set("district", UNKNOWN), 422, "district.unknown", "district")
                .bad("an existing code", null, set("code", "$project"), 409, "project.exists", null));

        all.add(new Endpoint("POST /projects/{code}/payees", Who.ACCOUNTANT, false,
                s -> uri("/api/v1/projects/{c}/payees", s.project()),
                s -> map("name", "永州建工集团", "accountNo", Fixtures.code("ACC"), "bankName", "中国建设银行永州分行",
                        "kind", "SUPPLIER"))
                .required("name", "accountNo", "bankName", "kind").texts("name", "accountNo", "bankName")
                .bad("kind = BOSS", null, set("kind", "BOSS"), 400, "request.badFieldFormat", "kind")
                .bad("an unknown project", s -> uri("/api/v1/projects/{c}/payees", UNKNOWN), null, 404,
                        "project.notFound", null)
                .bad("a project code with SQL", s -> uri("/api/v1/projects/{c}/payees", SQLI), null, 404,
                        "project.notFound", null)
                .bad("a project code with markup", s -> uri("/api/v1/projects/{c}/payees", XSS_NO_SLASH), null, 404,
                        "project.notFound", null));

        all.add(new Endpoint("POST /projects/{code}/allocations", Who.ACCOUNTANT, false,
                s -> uri("/api/v1/projects/{c}/allocations", s.project()),
                s -> map("facilityCode", s.facility(), "amount", "1000.00", "approvalRef", "零财〔2023〕12号",
                        "approvedOn", "2023-01-05"))
                .required("facilityCode", "amount", "approvalRef", "approvedOn").amounts("amount")
                .dates("approvedOn").texts("approvalRef").codes("facilityCode")
                .bad("an unknown project", s -> uri("/api/v1/projects/{c}/allocations", UNKNOWN), null, 404,
                        "project.notFound", null)
                .bad("an unknown facility", null, set("facilityCode", UNKNOWN), 422, "facility.notFound",
                        "facilityCode")
                .bad("approvedOn in the future", null, set("approvedOn", future().toString()), 422,
                        "valueDate.future", "approvedOn"));

        all.add(new Endpoint("POST /projects/{code}/milestones", Who.ACCOUNTANT, false,
                s -> uri("/api/v1/projects/{c}/milestones", s.bareProject()),
                s -> map("name", "复工", "plannedDate", "2024-03-01", "cumulativeCapPercent", "20"))
                .required("name", "plannedDate", "cumulativeCapPercent").dates("plannedDate").texts("name")
                .bad("cumulativeCapPercent = -20", null, set("cumulativeCapPercent", "-20"), 400, "request.invalid",
                        "cumulativeCapPercent")
                .bad("cumulativeCapPercent = 0", null, set("cumulativeCapPercent", "0"), 400, "request.invalid",
                        "cumulativeCapPercent")
                .bad("cumulativeCapPercent = 10^15", null, set("cumulativeCapPercent", HUGE), 400,
                        "request.invalid", "cumulativeCapPercent")
                .bad("cap not above the previous milestone", s -> uri("/api/v1/projects/{c}/milestones",
                        s.project()), null, 422, "milestone.capNotIncreasing", "cumulativeCapPercent")
                .bad("an unknown project", s -> uri("/api/v1/projects/{c}/milestones", UNKNOWN), null, 404,
                        "project.notFound", null));

        all.add(new Endpoint("POST /projects/{code}/milestones/{id}/verification", Who.REVIEWER, false,
                s -> uri("/api/v1/projects/{c}/milestones/{id}/verification", s.project(), s.milestones().get(1).id()),
                s -> map("verifiedOn", "2023-09-01", "inspector", "监理王工", "evidenceRef", "JL-2023-0901",
                        "unitsDelivered", 0))
                .required("verifiedOn", "inspector", "evidenceRef").nonNegatives("unitsDelivered")
                .dates("verifiedOn").texts("inspector", "evidenceRef")
                .bad("an unknown project", s -> uri("/api/v1/projects/{c}/milestones/{id}/verification", UNKNOWN,
                        s.milestones().get(1).id()), null, 404, "project.notFound", null)
                .bad("an unknown milestone", s -> uri("/api/v1/projects/{c}/milestones/{id}/verification",
                        s.project(), UNKNOWN_ID), null, 404, "milestone.notFound", null)
                .bad("another project's milestone", s -> uri("/api/v1/projects/{c}/milestones/{id}/verification",
                        s.bareProject(), s.milestones().get(1).id()), null, 404, "milestone.notFound", null)
                .bad("a milestone id that is not a number", s -> uri(
                        "/api/v1/projects/{c}/milestones/{id}/verification", s.project(), "abc"), null, 400,
                        "request.badValue", "id")
                .bad("verifiedOn in the future", null, set("verifiedOn", future().toString()), 422,
                        "valueDate.future", "verifiedOn")
                .bad("more units than the project has", null, set("unitsDelivered", 99999), 422,
                        "milestone.tooManyUnits", "unitsDelivered"));

        all.add(new Endpoint("POST /disbursements", Who.ACCOUNTANT, true, s -> uri("/api/v1/disbursements"),
                s -> map("projectCode", s.project(), "payeeId", s.payee().id(), "milestoneId",
                        s.milestones().get(0).id(), "purpose", "工程款", "amount", "1000.00"))
                .required("projectCode", "payeeId", "milestoneId", "purpose", "amount").amounts("amount")
                .texts("purpose").codes("projectCode", "facilityCode")
                .bad("payeeId = -1", null, set("payeeId", -1), 400, "request.invalid", "payeeId")
                .bad("payeeId = 0", null, set("payeeId", 0), 400, "request.invalid", "payeeId")
                .bad("milestoneId = -1", null, set("milestoneId", -1), 400, "request.invalid", "milestoneId")
                .bad("milestoneId = 0", null, set("milestoneId", 0), 400, "request.invalid", "milestoneId")
                .bad("an unknown project", null, set("projectCode", UNKNOWN), 422, "project.notFound", "projectCode")
                .bad("an unknown payee", null, set("payeeId", UNKNOWN_ID), 422, "disbursement.payeeNotRegistered",
                        "payeeId")
                .bad("payeeId = 10^15", null, set("payeeId", HUGE), 422, "disbursement.payeeNotRegistered",
                        "payeeId")
                .bad("an unknown milestone", null, set("milestoneId", UNKNOWN_ID), 422, "milestone.notFound",
                        "milestoneId")
                .bad("another project's milestone", null, set("milestoneId", "$otherMilestone"), 422,
                        "milestone.notFound", "milestoneId")
                .bad("an unknown facility", null, set("facilityCode", UNKNOWN), 422,
                        "disbursement.noAllocationFromFacility", "facilityCode")
                .bad("an unknown purpose", null, set("purpose", "买车"), 422, "disbursement.purposeUnknown", "purpose")
                .bad("a prohibited purpose (新老划断)", null, set("purpose", "偿还旧债"), 422,
                        "disbursement.purposeProhibited", "purpose")
                // the scene's pending requests reserve part of the cap (预占), and the refusal says how much
                .bad("more than the unlocked cap", null, set("amount", "900000.00"), 422,
                        "disbursement.overProgressReserved", "amount"));

        Function<Scene, Map<String, Object>> noteBody = s -> map("note", "资料齐全，同意拨付");
        all.add(new Endpoint("POST /disbursements/{id}/approval", Who.REVIEWER, false,
                s -> uri("/api/v1/disbursements/{id}/approval", s.requested()), noteBody)
                .texts("note")
                .bad("an unknown disbursement", s -> uri("/api/v1/disbursements/{id}/approval", UNKNOWN_ID), null,
                        404, "disbursement.notFound", null)
                .bad("an id that is not a number", s -> uri("/api/v1/disbursements/{id}/approval", "abc"), null, 400,
                        "request.badValue", "id")
                .bad("an already paid disbursement", s -> uri("/api/v1/disbursements/{id}/approval", s.paid()), null,
                        409, "disbursement.wrongStatus", null));

        all.add(new Endpoint("POST /disbursements/{id}/rejection", Who.REVIEWER, false,
                s -> uri("/api/v1/disbursements/{id}/rejection", s.requested()), s -> map("reason", "监理报告缺失"))
                .required("reason").texts("reason")
                .bad("an unknown disbursement", s -> uri("/api/v1/disbursements/{id}/rejection", UNKNOWN_ID), null,
                        404, "disbursement.notFound", null)
                .bad("an id that is not a number", s -> uri("/api/v1/disbursements/{id}/rejection", SQLI), null,
                        400, "request.badValue", "id"));

        all.add(new Endpoint("POST /disbursements/{id}/payment", Who.ACCOUNTANT, true,
                s -> uri("/api/v1/disbursements/{id}/payment", s.approved()),
                s -> map("paidOn", "2023-03-01", "voucherNo", Fixtures.code("PAY")))
                .required("paidOn", "voucherNo").dates("paidOn").codes("voucherNo")
                .bad("an unknown disbursement", s -> uri("/api/v1/disbursements/{id}/payment", UNKNOWN_ID), null,
                        404, "disbursement.notFound", null)
                .bad("an id that is not a number", s -> uri("/api/v1/disbursements/{id}/payment", "abc"), null, 400,
                        "request.badValue", "id")
                .bad("a disbursement not yet approved", s -> uri("/api/v1/disbursements/{id}/payment",
                        s.requested()), null, 409, "disbursement.wrongStatus", null)
                .bad("paidOn in the future", null, set("paidOn", future().toString()), 422, "valueDate.future",
                        "paidOn")
                .bad("paidOn before the latest posting", null, set("paidOn", "2023-02-01"), 422,
                        "valueDate.backdated", "paidOn"));

        all.add(new Endpoint("POST /disbursements/{id}/reversal", Who.ACCOUNTANT, true,
                s -> uri("/api/v1/disbursements/{id}/reversal", s.paid()),
                s -> map("reason", "收款账户登记有误", "reversedOn", "2023-03-01"))
                .required("reason", "reversedOn").dates("reversedOn").texts("reason")
                .bad("an unknown disbursement", s -> uri("/api/v1/disbursements/{id}/reversal", UNKNOWN_ID), null,
                        404, "disbursement.notFound", null)
                .bad("a disbursement not paid", s -> uri("/api/v1/disbursements/{id}/reversal", s.approved()), null,
                        409, "disbursement.notReversible", null)
                .bad("reversedOn before the payment", null, set("reversedOn", "2023-02-09"), 422,
                        "disbursement.reversalBeforePayment", "reversedOn")
                .bad("reversedOn in the future", null, set("reversedOn", future().toString()), 422,
                        "valueDate.future", "reversedOn"));

        all.add(new Endpoint("POST /projects/{code}/repayments", Who.ACCOUNTANT, true,
                s -> uri("/api/v1/projects/{c}/repayments", s.project()),
                s -> map("amount", "1000.00", "valueDate", "2024-01-02", "voucherNo", Fixtures.code("HK")))
                .required("amount", "valueDate", "voucherNo").amounts("amount").dates("valueDate").codes("voucherNo")
                .bad("an unknown project", s -> uri("/api/v1/projects/{c}/repayments", UNKNOWN), null, 404,
                        "project.notFound", null)
                .bad("a project with nothing owed", s -> uri("/api/v1/projects/{c}/repayments", s.bareProject()),
                        null, 422, "repayment.nothingOwed", null)
                .bad("more than everything owed", null, set("amount", "99999999.00"), 422, "repayment.overOwed",
                        "amount")
                .bad("valueDate in the future", null, set("valueDate", future().toString()), 422,
                        "valueDate.future", "valueDate")
                .bad("valueDate before the latest posting", null, set("valueDate", "2023-02-01"), 422,
                        "valueDate.backdated", "valueDate"));
        return all;
    }

    /** The generated cases: the same kinds of bad input for every endpoint, then each endpoint's own. */
    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String f : e.required) {
                out.add(new Case(e, f + " missing", null, body -> {
                    body.remove(f);
                    return body;
                }, null, 400, "request.invalid", f));
            }
            for (String f : e.required) {
                if (!e.dates.contains(f) && !e.amounts.contains(f) && !f.endsWith("Id") && !f.equals("kind")
                        && !f.equals("totalUnits")) {
                    out.add(new Case(e, f + " blank", null, set(f, "   "), null, 400, "request.invalid", f));
                }
            }
            for (String f : e.amounts) {
                out.add(new Case(e, f + " = -100.00", null, set(f, new BigDecimal("-100.00")), null, 400,
                        "request.invalid", f));
                out.add(new Case(e, f + " = 0", null, set(f, BigDecimal.ZERO), null, 400, "request.invalid", f));
                out.add(new Case(e, f + " = 10^15", null, set(f, HUGE), null, 400, "request.invalid", f));
                out.add(new Case(e, f + " = 0.001 (three decimals)", null, set(f, new BigDecimal("0.001")), null,
                        400, "request.invalid", f));
                out.add(new Case(e, f + " = \"一千元\" (not a number)", null, set(f, "一千元"), null, 400,
                        "request.badFieldFormat", f));
            }
            for (String f : e.nonNegatives) {
                out.add(new Case(e, f + " = -1", null, set(f, -1), null, 400, "request.invalid", f));
                out.add(new Case(e, f + " = 10^15", null, set(f, HUGE), null, 400,
                        e.name.equals("POST /projects") ? "request.invalid" : "request.badFieldFormat", f));
            }
            for (String f : e.dates) {
                out.add(new Case(e, f + " = 2023-13-45", null, set(f, "2023-13-45"), null, 400,
                        "request.badFieldFormat", f));
                out.add(new Case(e, f + " = yesterday", null, set(f, "yesterday"), null, 400,
                        "request.badFieldFormat", f));
            }
            for (String f : concat(e.texts, e.codes)) {
                out.add(new Case(e, f + " = " + XSS, null, set(f, XSS), null, 400, "request.invalid", f));
                out.add(new Case(e, f + " = " + SQLI, null, set(f, SQLI), null, 400, "request.invalid", f));
            }
            out.add(new Case(e, "malformed JSON", null, null, "{\"amount\": 1000, \"valueDate\": ", 400,
                    "request.malformed", null));
            out.add(new Case(e, "not JSON at all", null, null, "amount=1000&valueDate=yesterday", 400,
                    "request.malformed", null));
            out.addAll(e.extra);
        }
        return out.stream();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedAsProblemJsonAndWritesNothing(Case c) throws Exception {
        Scene s = shared;
        Case resolved = resolveSpecial(c, s);
        LoanUser user = users.get(c.endpoint().who);
        URI path = resolved.path(s);
        String body = resolved.body(s, json);

        Map<String, Long> before = counts();
        MockHttpServletResponse zh = send(user, path, body, null, UUID.randomUUID().toString());
        assertRefusal(resolved, zh, true);
        assertThat(counts()).as("row counts after %s", c).isEqualTo(before);

        MockHttpServletResponse en = send(user, path, body, "en", UUID.randomUUID().toString());
        assertRefusal(resolved, en, false);
        assertThat(counts()).as("row counts after %s (en)", c).isEqualTo(before);
    }

    /** Guards the cases above: each endpoint's valid body really is accepted, so the only fault is the one injected. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theValidBodyOfEachEndpointIsAccepted(Endpoint e) throws Exception {
        Scene s = newScene();
        MockHttpServletResponse r = send(users.get(e.who), e.path.apply(s), json.writeValueAsString(e.valid.apply(s)),
                null, UUID.randomUUID().toString());
        assertThat(r.getStatus()).as("%s: %s", e, r.getContentAsString(StandardCharsets.UTF_8)).isBetween(200, 299);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moneyMoving")
    void aMoneyMovingPostWithoutIdempotencyKeyIsRefused(Endpoint e) throws Exception {
        Scene s = shared;
        String body = json.writeValueAsString(e.valid.apply(s));
        LoanUser user = users.get(e.who);
        Map<String, Long> before = counts();

        MockHttpServletResponse zh = send(user, e.path.apply(s), body, null, null);
        assertThat(zh.getStatus()).isEqualTo(400);
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        String zhJson = zh.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(zhJson, "$.code")).isEqualTo("idempotency.missing");
        assertThat((String) JsonPath.read(zhJson, "$.detail")).containsPattern(HAN).contains("Idempotency-Key");

        MockHttpServletResponse en = send(user, e.path.apply(s), body, "en", null);
        assertThat(en.getStatus()).isEqualTo(400);
        String enDetail = JsonPath.read(en.getContentAsString(StandardCharsets.UTF_8), "$.detail");
        assertThat(enDetail).doesNotContainPattern(HAN).contains("Idempotency-Key");

        MockHttpServletResponse badKey = send(user, e.path.apply(s), body, null, "short");
        assertThat(badKey.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(badKey.getContentAsString(StandardCharsets.UTF_8), "$.code"))
                .isEqualTo("idempotency.badKey");

        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A project or facility code travels in URL paths (/projects/{code}/...). @Code lets '/' through, so a code the
     * API accepts must either be refused at creation (naming the field) or be reachable afterwards by its path.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /projects", "POST /facilities"})
    void aCodeTheApiAcceptsCanBeUsedInItsOwnPath(String name) throws Exception {
        Endpoint e = endpoints().stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        String code = "X/2023/" + Fixtures.code("S");
        Map<String, Object> body = new LinkedHashMap<>(e.valid.apply(shared));
        body.put("code", code);
        Map<String, Long> before = counts();
        MockHttpServletResponse created = send(users.get(e.who), e.path.apply(shared), json.writeValueAsString(body),
                null, UUID.randomUUID().toString());
        String createdBody = created.getContentAsString(StandardCharsets.UTF_8);
        if (created.getStatus() >= 200 && created.getStatus() < 300) {
            URI path = uri(name.equals("POST /projects") ? "/api/v1/projects/{c}" : "/api/v1/facilities/{c}", code);
            MockHttpServletResponse read = mvc.perform(MockMvcRequestBuilders.get(path)
                    .with(httpBasic(users.get(Who.ACCOUNTANT).username(), Fixtures.PASSWORD))).andReturn().getResponse();
            assertThat(read.getStatus())
                    .as("%s accepted code %s, but GET %s answers %s with body '%s'", name, code, path,
                            read.getStatus(), read.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(200);
        } else {
            assertThat(created.getStatus()).as(createdBody).isEqualTo(400);
            assertThat(created.getContentType()).startsWith("application/problem+json");
            assertThat(JsonPath.<List<String>>read(createdBody, "$.errors[*].field")).contains("code");
            assertThat(counts()).isEqualTo(before);
        }
    }

    static Stream<Endpoint> moneyMoving() {
        return endpoints().stream().filter(e -> e.moneyMoving);
    }

    @Test
    void theMoneyMovingListMatchesTheBrief() {
        assertThat(moneyMoving().map(e -> e.name)).containsExactlyInAnyOrder("POST /facilities/{code}/drawdowns",
                "POST /facilities/{code}/repayments", "POST /disbursements", "POST /disbursements/{id}/payment",
                "POST /disbursements/{id}/reversal", "POST /projects/{code}/repayments");
        assertThat(endpoints()).hasSize(15);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Values that depend on the scene: "$district", "$facility", "$project" name an existing code,
     * "$otherMilestone" a milestone of another project (made once, before the row counts are taken).
     */
    private Case resolveSpecial(Case c, Scene s) {
        if (c.change() == null) {
            return c;
        }
        Function<Map<String, Object>, Object> change = body -> {
            Object changed = c.change().apply(body);
            if (changed instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> mm = (Map<String, Object>) m;
                mm.replaceAll((k, v) -> switch (String.valueOf(v)) {
                    case "$district" -> s.district().code();
                    case "$facility" -> s.facility();
                    case "$project" -> s.project();
                    case "$otherMilestone" -> otherMilestone(s).id();
                    default -> v;
                });
            }
            return changed;
        };
        return new Case(c.endpoint(), c.what(), c.otherPath(), change, c.rawBody(), c.status(), c.code(), c.field());
    }

    private Milestone otherMilestoneCache;

    private Milestone otherMilestone(Scene s) {
        if (otherMilestoneCache == null) {
            // its own project in the same district; the request names the ready project and its payee
            String other = fx.project(s.district());
            otherMilestoneCache = fx.milestone(other, "复工", "20", LocalDate.of(2023, 3, 1));
        }
        return otherMilestoneCache;
    }

    private void assertRefusal(Case c, MockHttpServletResponse r, boolean chinese) throws Exception {
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        String lang = chinese ? "zh" : "en";
        assertThat(r.getStatus()).as("%s [%s] status; body %s", c, lang, body).isEqualTo(c.status());
        assertThat(r.getContentType()).as("%s [%s] content type", c, lang).startsWith("application/problem+json");
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(c.status());
        if (c.code() != null) {
            assertThat((String) JsonPath.read(body, "$.code")).as("%s [%s] code; body %s", c, lang, body)
                    .isEqualTo(c.code());
        }
        String detail = JsonPath.read(body, "$.detail");
        String title = JsonPath.read(body, "$.title");
        assertThat(detail).as("%s [%s] detail", c, lang).isNotBlank();
        if (chinese) {
            assertThat(detail).as("%s: the default detail is Chinese", c).containsPattern(HAN);
            assertThat(title).as("%s: the default title is Chinese", c).containsPattern(HAN);
        } else {
            assertThat(withoutData(detail)).as("%s: Accept-Language en gives an English detail: %s", c, detail)
                    .doesNotContainPattern(HAN).containsPattern("[A-Za-z]{3,}");
            assertThat(title).as("%s: Accept-Language en gives an English title", c).doesNotContainPattern(HAN);
        }
        if (c.field() != null) {
            List<String> fields = JsonPath.read(body, "$.errors[*].field");
            assertThat(fields).as("%s [%s] errors[].field; body %s", c, lang, body).contains(c.field());
            List<String> messages = JsonPath.read(body, "$.errors[*].message");
            assertThat(messages).allSatisfy(m -> {
                if (chinese) {
                    assertThat(m).containsPattern(HAN);
                } else {
                    assertThat(withoutData(m)).doesNotContainPattern(HAN);
                }
            });
            if (c.status() == 400) {
                assertThat(detail).as("%s [%s]: a 400 detail names the field", c, lang).contains(c.field());
            }
        }
        // the refused input never comes back as markup
        assertThat(body).doesNotContain("<script>");
    }

    /**
     * An English message may quote Chinese data (a project or milestone name, the Chinese purpose names of
     * DisbursementPurpose, what the client sent); that is not untranslated wording, so it is cut out before looking.
     */
    private String withoutData(String text) {
        String out = text;
        for (DisbursementPurpose p : DisbursementPurpose.values()) {
            out = out.replace(p.name(), "");
        }
        for (Milestone m : shared.milestones()) {
            out = out.replace(m.name(), "");
        }
        out = out.replaceAll("测试项目[A-Za-z0-9_-]*", "").replace("买车", "");
        return out;
    }

    private MockHttpServletResponse send(LoanUser user, URI path, String body, String lang, String key)
            throws Exception {
        MockHttpServletRequestBuilder req = MockMvcRequestBuilders.post(path)
                .with(httpBasic(user.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8)
                .content(body.getBytes(StandardCharsets.UTF_8));
        if (lang != null) {
            req.header("Accept-Language", lang);
        }
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    /**
     * Per table, the newest row id and whether any row is gone, in one round trip: a write adds a row with a higher
     * id (ids are never reused), and only idempotency_record ever loses rows. COUNT(*) of every table four times a
     * case read the whole of audit_event each time (BadInputTest took 199 s on the MariaDB 10.11 server).
     */
    private Map<String, Long> counts() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) {
            String t = TABLES.get(i);
            sql.append(i == 0 ? "" : ", ").append("(SELECT COALESCE(MAX(id), 0) FROM ").append(t).append(")");
        }
        sql.append(", (SELECT COUNT(*) FROM idempotency_record)");
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            for (int i = 0; i < TABLES.size(); i++) {
                counts.put(TABLES.get(i) + " max id", rs.getLong(i + 1));
            }
            counts.put("idempotency_record rows", rs.getLong(TABLES.size() + 1));
        });
        return counts;
    }
}
