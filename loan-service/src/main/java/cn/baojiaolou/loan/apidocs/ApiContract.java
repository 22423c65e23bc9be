package cn.baojiaolou.loan.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The /v3/api-docs contract for integrators (the bank, the province's platform, other bureaus). springdoc derives
 * paths and schemas from the controllers; everything it cannot know — roles, the Idempotency-Key rules, the
 * problem+json answers, descriptions — is added here, in one place, from tables next to this class.
 */
@Configuration
class ApiContract {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The money-moving POSTs, as IdempotencyFilter lists them: these require the key. */
    static final List<String> MONEY_MOVING = List.of(
            "/api/v1/facilities/{code}/drawdowns", "/api/v1/facilities/{code}/repayments",
            "/api/v1/projects/{code}/repayments", "/api/v1/disbursements", "/api/v1/disbursements/{id}/payment",
            "/api/v1/disbursements/{id}/reversal");

    private static final String DESCRIPTION = """
            保交楼专项借款资金监管台账的接口：借款合同、提款、项目额度分配、工程节点、拨付申请与审批、支付与冲正、项目还款与计息、\
            专户流水导入与对账、司法冻结扣划、报表与审计。面向银行、省级报送平台与其他部门的系统对接。

            **English summary.** The API of the 保交楼 special-loan fund ledger: facilities, drawdowns, allocations to \
            projects, milestones, disbursement requests and approvals, payments and reversals, repayments and interest, \
            escrow-account statements and reconciliation, court freezes and deductions, reports and the audit trail.

            - 认证 / Authentication: HTTP Basic (people) or `Authorization: Bearer bjl_…` (API tokens of system accounts). \
            Each operation names the roles it needs (会计 ACCOUNTANT, 复核 REVIEWER, 审计 AUDITOR, 管理员 ADMIN).
            - 金额 / Money: answered as decimal strings in 元 with two decimals (e.g. `"200000.00"`); requests may send \
            a string or a number; read them as decimals, never as binary floating point. 日期 / Dates: `YYYY-MM-DD`; \
            times are RFC 3339 in Beijing time (`+08:00`).
            - 错误 / Errors: `application/problem+json` (RFC 9457) with a stable `code`; `detail` is Chinese unless \
            `Accept-Language: en`.
            - 幂等 / Idempotency: money-moving POSTs require an `Idempotency-Key` header; see each operation.
            - 版本 / Versioning: additive changes within `/api/v1`; a breaking change is published as `/api/v2` while \
            v1 keeps running for 12 months.
            """;

    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("facilities", "借款合同、提款与统借统还 / Facilities, drawdowns and central repayments");
        TAGS.put("projects", "项目、收款人、额度分配、节点、利息与台账 / Projects, payees, allocations, milestones, interest, ledger");
        TAGS.put("repayments", "项目还款 / Project repayments");
        TAGS.put("disbursements", "拨付申请、审批、支付与冲正 / Disbursement requests, approvals, payments, reversals");
        TAGS.put("bank-statements", "专户流水导入 / Escrow-account statement import");
        TAGS.put("exceptions", "对账异常 / Reconciliation exceptions");
        TAGS.put("court-actions", "司法冻结与扣划 / Court freezes and deductions");
        TAGS.put("reports", "报表、存档与验真 / Reports, archive and verification");
        TAGS.put("onboarding", "存量台账导入与导出 / Importing and exporting the existing ledger");
        TAGS.put("districts", "区县 / Districts");
        TAGS.put("api-tokens", "API 令牌 / API tokens");
        TAGS.put("users", "用户与密码（管理员管理用户，本人修改密码）/ Users and passwords");
        TAGS.put("audit", "审计日志与批处理记录 / Audit trail and batch runs");
    }

    private static final Map<String, String> ROLE_NAMES = Map.of("ACCOUNTANT", "会计", "REVIEWER", "复核",
            "AUDITOR", "审计", "ADMIN", "管理员");

    /** The error answers every operation may give, with what they mean here. */
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "请求不合规（字段见 errors[]）/ Invalid request; errors[] names the fields");
        ERRORS.put("401", "未登录或令牌无效 / Not signed in, or the token is not valid");
        ERRORS.put("403", "角色不允许 / The caller's roles do not allow this");
        ERRORS.put("404", "不存在或不在本人辖区 / Not found, or outside the caller's district");
        ERRORS.put("409", "与现有数据冲突 / Conflicts with existing data");
        ERRORS.put("422", "违反业务规则（如超出可拨付额度）/ A business rule refuses it (e.g. over the releasable amount)");
        ERRORS.put("503", "数据库繁忙或不可用，按 Retry-After 重试 / The database is busy or down; retry after Retry-After");
        ERRORS.put("default", "其他错误（405、406、413、415、500 …）/ Any other error");
    }

    static {
        // LocalDateTime holds a stored UTC instant; the API writes it as Beijing time with its offset (web's
        // JsonOnlyConfig), an RFC 3339 date-time
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class, new StringSchema().format("date-time")
                .example("2023-06-28T10:15:30.123456+08:00")
                .description("北京时间，带时区 +08:00 / Beijing time with its offset"));
    }

    @Bean
    OpenAPI loanApi(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        String version = props == null ? "development" : props.getVersion();
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("用户名与密码（人员）/ User name and password (people)"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("bjl_…")
                        .description("API 令牌（系统账号，POST /api/v1/me/tokens 或管理员创建）/ An API token"))
                .addSchemas(PROBLEM, problemSchema())

                .addParameters("IdempotencyKey", idempotencyKey(false))
                .addParameters("IdempotencyKeyRequired", idempotencyKey(true))
                .addHeaders("IdempotencyReplayed", new Header().description(
                        "`true` 表示这是同一 Idempotency-Key 先前成功请求的原样重放，没有再次记账。 / `true` when the stored "
                                + "answer of an earlier request with the same key is replayed; nothing was posted again.")
                        .schema(new StringSchema()._enum(List.of("true"))));
        ERRORS.forEach((status, text) -> components.addResponses(responseName(status), new ApiResponse()
                .description(text).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        return new OpenAPI()
                .info(new Info().title("保交楼专项借款资金监管台账 API").version(version).description(DESCRIPTION)
                        .contact(new Contact().name("市保交楼专班 资金监管组 / Fund supervision team"))
                        .license(new License().name("Proprietary")))
                .servers(List.of(new Server().url("/").description("本服务 / This service")))
                .tags(TAGS.entrySet().stream().map(t -> new Tag().name(t.getKey()).description(t.getValue())).toList())
                .components(components);
    }

    @Bean
    OpenApiCustomizer loanApiOperations() {
        return api -> {
            // here rather than in the bean: springdoc drops a component nothing refers to yet
            api.getComponents()
                .addSchemas(Fields.DECIMAL_INPUT, new Schema<>().description(
                                "十进制数：字符串（推荐，如 \"50000.00\"）或 JSON 数字 / A decimal: a string (preferred, "
                                        + "e.g. \"50000.00\") or a JSON number")
                        .anyOf(List.of(new StringSchema().pattern(Fields.DECIMAL_STRING),
                                new io.swagger.v3.oas.models.media.NumberSchema())));
            Fields.describe(api);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                    describe(method.name() + " " + path, path, method, op)));
        };
    }

    private static void describe(String key, String path, PathItem.HttpMethod method, Operation op) {
        Operations.Doc doc = Operations.ALL.get(key);
        if (doc != null) {
            op.operationId(doc.id()).summary(doc.summary());
        }
        List<String> roles = Roles.of(method.name(), path);
        String who = roles.isEmpty() ? "任何已登录用户 / any signed-in user"
                : String.join("、", roles.stream().map(r -> ROLE_NAMES.get(r) + " " + r).toList());
        StringBuilder text = new StringBuilder(doc == null ? "" : doc.description()).append("\n\n**角色 / Roles:** ")
                .append(who);
        op.tags(List.of(tagOf(path)));
        // OAS 3.1 allows role names in the requirement, but Spectral (and most tools) expect an empty list for HTTP
        // schemes: the roles go into x-roles and the description instead
        op.security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        op.addExtension("x-roles", roles);
        fixMedia(path, op);
        String created = Operations.CREATED_BY_RESPONSE_ENTITY.contains(key) ? "201" : null;
        if (created != null && op.getResponses().containsKey("200")) {
            ApiResponse ok = op.getResponses().remove("200");
            op.getResponses().addApiResponse(created, ok.description("Created"));
        }
        if (doc != null) {
            ResponseExamples.apply(doc.id(), op);
        }
        ApiResponses responses = op.getResponses();
        if (method == PathItem.HttpMethod.POST) {
            boolean required = MONEY_MOVING.contains(path);
            List<Parameter> params = op.getParameters() == null ? new ArrayList<>() : new ArrayList<>(op.getParameters());
            params.add(new Parameter().$ref("#/components/parameters/IdempotencyKey" + (required ? "Required" : "")));
            op.parameters(params);
            text.append("\n\n**Idempotency-Key:** ").append(required
                    ? "必填（动钱接口）/ required (money-moving)." : "可选 / optional.")
                    .append(" 8–128 个可见 ASCII 字符；同一用户同一键同一请求体重放原响应（带 `Idempotency-Replayed: true`），"
                            + "请求体不同 422 `idempotency.mismatch`，前一请求未完成 409 `idempotency.inProgress`，"
                            + "缺少 400 `idempotency.missing`，格式错 400 `idempotency.badKey`；失败的请求（4xx/5xx）不占用键。"
                            + " / 8–128 visible ASCII characters; the same key and body replays the stored answer, "
                            + "another body is 422, a request still running 409; a failed request frees the key.");
            responses.forEach((status, r) -> {
                if (status.startsWith("2")) {
                    r.addHeaderObject("Idempotency-Replayed",
                            new Header().$ref("#/components/headers/IdempotencyReplayed"));
                }
            });
        }
        op.description(text.toString());
        for (String status : ERRORS.keySet()) {
            boolean applies = switch (status) {
                case "404" -> path.contains("{");
                case "409", "422" -> method != PathItem.HttpMethod.GET || path.contains("preview")
                        || path.contains("interest");
                default -> true;
            };
            if (applies && !responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + responseName(status)));
            }
        }
        // a stable order: 2xx first, then the errors by status
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    /** Downloads are files, uploads multipart: springdoc's default JSON says otherwise. */
    private static void fixMedia(String path, Operation op) {
        String file = path.endsWith(".pdf") ? "application/pdf" : path.endsWith(".xlsx") ? XLSX : null;
        if (path.endsWith("{report}.{format}")) {
            file = "pdf+xlsx";
        }
        if (file != null) {
            Content content = new Content();
            for (String type : file.equals("pdf+xlsx") ? List.of("application/pdf", XLSX) : List.of(file)) {
                content.addMediaType(type, new MediaType().schema(new BinarySchema()));
            }
            op.getResponses().forEach((status, r) -> {
                if (status.startsWith("2")) {
                    r.content(content);
                }
            });
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json != null && json.getSchema() != null && json.getSchema().getProperties() != null
                    && json.getSchema().getProperties().values().stream()
                    .anyMatch(p -> "binary".equals(((Schema<?>) p).getFormat()))) {
                op.getRequestBody().setContent(new Content().addMediaType("multipart/form-data", json));
            }
        }
    }

    static String tagOf(String path) {
        String rest = path.substring("/api/v1/".length());
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (path.matches("/api/v1/projects/[^/]+/repayments.*")) {
            return "repayments";
        }
        if (path.equals("/api/v1/me/password")) {
            return "users";
        }
        return switch (first) {
            case "me", "service-accounts" -> "api-tokens";
            case "audit-events", "batch-runs" -> "audit";
            default -> first;
        };
    }

    private static String responseName(String status) {
        return switch (status) {
            case "400" -> "BadRequest";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "NotFound";
            case "409" -> "Conflict";
            case "422" -> "RuleRefused";
            case "503" -> "Unavailable";
            default -> "OtherError";
        };
    }

    private static Parameter idempotencyKey(boolean required) {
        return new HeaderParameter().name("Idempotency-Key").required(required)
                .description("客户端生成的幂等键（建议 UUID），重试时原样再发。 / A key the client makes up (a UUID will do) "
                        + "and sends again, unchanged, when it retries.")
                .schema(new StringSchema().minLength(8).maxLength(128).pattern("^[\\x21-\\x7e]{8,128}$")
                        .example("3f1c9a2e-8d4b-4b7a-9c1e-2a6f0d5b7e11"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        // a refused request names field + message; a refused statement file names line + reason (BankStatementController)
        Schema fieldProblem = new ObjectSchema().description(
                        "出错的字段（field + message），或流水文件出错的行（line + reason） / A refused field (field + message), "
                                + "or a refused line of a statement file (line + reason)")
                .addProperty("field", new StringSchema().description("字段名（嵌套用 . 连接）/ The field (nested with .)"))
                .addProperty("message", new StringSchema().description("原因 / Why"))
                .addProperty("line", new IntegerSchema().format("int32").description("文件中的行号 / Line of the file"))
                .addProperty("reason", new StringSchema().description("该行的问题 / What is wrong with the line"));
        Schema problem = new ObjectSchema()
                .description("RFC 9457 错误响应 / An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri")
                        .description("`urn:bjl:problem:` 加 code / `urn:bjl:problem:` followed by the code")
                        .example("urn:bjl:problem:disbursement.overReleasable"))
                .addProperty("title", new StringSchema().description("HTTP 状态的名称 / The status's name")
                        .example("业务规则不允许"))
                .addProperty("status", new IntegerSchema().format("int32").description("HTTP 状态码 / The HTTP status")
                        .example(422))
                .addProperty("detail", new StringSchema().description(
                        "给人看的说明，中文（Accept-Language: en 时为英文）/ For people; Chinese unless Accept-Language: en"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("请求路径（部分响应没有）/ The request path (not on every answer)"))
                .addProperty("code", new StringSchema().description("稳定的错误代码，程序据此判断 / A stable code to act on")
                        .example("request.invalid"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("逐字段的原因（只在能指出字段时出现）/ Per-field reasons, when a field can be named"))
                .addProperty("problems", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Worded"))
                        .description("台账导入确认被拒时的问题清单 / The problems that refused an onboarding confirmation"));
        problem.required(List.of("type", "title", "status", "detail", "code"));
        return problem;
    }
}
