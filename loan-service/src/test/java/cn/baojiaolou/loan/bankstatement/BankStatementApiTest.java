package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/bank-statements (multipart) and GET /api/v1/bank-statements through MockMvc, as real users. */
@DatabaseTest
class BankStatementApiTest {

    private static final List<String> TABLES = List.of("bank_statement_import", "bank_statement_line", "audit_event");
    private static final String HEADER = BankStatementImportTest.HEADER;

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    String facility;
    LoanUser accountant;

    @BeforeEach
    void setUp() {
        facility = fx.facility(new BigDecimal("50000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        accountant = fx.user(Role.ACCOUNTANT, null);
    }

    @Test
    void anAccountantUploadsAGbkStatementAndGets201WithTheCounts() throws Exception {
        byte[] content = BankStatementImportTest.resource("gbk-statement.csv");
        upload(accountant, facility, "对账单.csv", content, null)
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.importId").isNumber())
                .andExpect(jsonPath("$.account").value(facility))
                .andExpect(jsonPath("$.fileName").value("对账单.csv"))
                .andExpect(jsonPath("$.encoding").value("GBK"))
                .andExpect(jsonPath("$.linesTotal").value(4))
                .andExpect(jsonPath("$.imported").value(4))
                .andExpect(jsonPath("$.skipped").value(0));

        // again, with an Idempotency-Key: accepted, nothing new. MockMvc hands the parts to the controller directly;
        // on Tomcat this needs IdempotencyFilter to leave a multipart body to the container (it reads the raw body).
        upload(accountant, facility, "对账单.csv", content, UUID.randomUUID().toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.skipped").value(4));

        api.get(accountant, "/api/v1/bank-statements?account={a}", facility).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].facilityCode").value(facility))
                .andExpect(jsonPath("$[0].txnDate").value("2023-03-01"))
                .andExpect(jsonPath("$[0].direction").value("CREDIT"))
                .andExpect(jsonPath("$[0].amount").value(10000000.00))
                .andExpect(jsonPath("$[1].counterpartyName").value("湖南建工集团有限公司"))
                .andExpect(jsonPath("$[1].voucherNo").value("JZ20230310-0002"))
                .andExpect(jsonPath("$[1].bankSerialNo").value("GBK-0002"))
                .andExpect(jsonPath("$[1].balanceAfter").value(8765432.11));
    }

    @Test
    void aFileWithBadLinesAnswers422ProblemJsonListingEveryLineAndStoresNothing() throws Exception {
        byte[] content = (HEADER
                + "2023-03-01,2023-03-01,贷,1000000.00,国家开发银行湖南省分行,4300001,API-1,,1000000.00,提款\n"
                + "2023-03-02,2023-03-02,借,,湖南建工集团有限公司,4300002,API-2,,999000.00,工程款\n"
                + "2023-13-03,2023-03-03,借,5000.00,湖南建工集团有限公司,4300002,API-3,,994000.00,工程款\n"
                + "2023-03-04,2023-03-04,借,5000.00,湖南建工集团有限公司,4300002,API-4,,-1.00,工程款\n")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = counts();

        upload(accountant, facility, "bad.csv", content, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("bankStatement.invalid"))
                .andExpect(jsonPath("$.type").value("urn:bjl:problem:bankStatement.invalid"))
                .andExpect(jsonPath("$.title").value("业务规则不允许"))
                .andExpect(jsonPath("$.detail").value(startsWith("银行对账单有 3 行有误，整个文件未导入")))
                .andExpect(jsonPath("$.detail").value(containsString("第 3 行：金额不能为空")))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].reason").value("金额不能为空"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].reason").value(startsWith("交易日期“2023-13-03”不是有效日期")))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].reason").value("交易后余额不能为负数"));
        assertThat(counts()).isEqualTo(before);

        upload(accountant, facility, "bad.csv", content, null, "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(startsWith("The bank statement has 3 bad lines")))
                .andExpect(jsonPath("$.errors[0].reason").value("amount must not be empty"))
                .andExpect(jsonPath("$.errors[2].reason").value("balance after must not be negative"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void auditorsAndReviewersMayNotImport() throws Exception {
        byte[] content = (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,ROLE-1,,100.00,\n")
                .getBytes(StandardCharsets.UTF_8);
        for (Role role : List.of(Role.AUDITOR, Role.REVIEWER, Role.ADMIN)) {
            LoanUser user = fx.user(role, null);
            long lines = fx.count("bank_statement_line");
            long imports = fx.count("bank_statement_import");
            upload(user, facility, "x.csv", content, null)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("auth.forbidden"));
            assertThat(fx.count("bank_statement_line")).isEqualTo(lines);
            assertThat(fx.count("bank_statement_import")).isEqualTo(imports);
            // but they read the lines
            api.get(user, "/api/v1/bank-statements?account={a}", facility).andExpect(status().isOk());
        }
        upload(null, facility, "x.csv", content, null).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownAccountAnswers422OnTheAccountField() throws Exception {
        Map<String, Long> before = counts();
        upload(accountant, "NO-SUCH-ZH", "x.csv", (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,U-1,,100.00,\n")
                .getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("bankStatement.accountUnknown"))
                .andExpect(jsonPath("$.errors[0].field").value("account"))
                .andExpect(jsonPath("$.detail").value(containsString("NO-SUCH-ZH")));
        assertThat(counts()).isEqualTo(before);
        api.get(accountant, "/api/v1/bank-statements?account=NO-SUCH-ZH")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("account"));
    }

    @Test
    void fileLevelFaultsAnswerOnTheFileField() throws Exception {
        upload(accountant, facility, "empty.csv", new byte[0], null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.empty"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(accountant, facility, "broken.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1),
                null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.unreadableXlsx"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(accountant, facility, "noheader.csv", "2023-07-03,2023-07-03,贷,100.00,甲,1,U-1,,100.00,\n"
                .getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.noHeader"))
                .andExpect(jsonPath("$.detail").value(startsWith("缺少表头")));
        api.mvc().perform(multipart("/api/v1/bank-statements").param("account", facility)
                        .with(httpBasic(accountant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bankStatement.fileMissing"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        api.mvc().perform(multipart("/api/v1/bank-statements").file(new MockMultipartFile("file", "x.csv",
                        "text/csv", HEADER.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(accountant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bankStatement.accountMissing"))
                .andExpect(jsonPath("$.errors[0].field").value("account"));
    }

    @Test
    void linesAreListedByValueDateAndPagedById() throws Exception {
        StringBuilder text = new StringBuilder(HEADER);
        for (int day = 1; day <= 9; day++) {
            text.append("2023-09-0").append(day).append(",2023-09-0").append(day).append(",借,1.00,甲,1,PAGE-")
                    .append(day).append(",,").append(100 - day).append(".00,\n");
        }
        upload(accountant, facility, "sept.csv", text.toString().getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isCreated());

        api.get(accountant, "/api/v1/bank-statements?account={a}&from=2023-09-03&to=2023-09-07", facility)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].valueDate").value("2023-09-03"))
                .andExpect(jsonPath("$[4].valueDate").value("2023-09-07"));
        String page = api.get(accountant, "/api/v1/bank-statements?account={a}&limit=4", facility)
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[3].bankSerialNo").value("PAGE-4"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long lastId = ((Number) com.jayway.jsonpath.JsonPath.read(page, "$[3].id")).longValue();
        api.get(accountant, "/api/v1/bank-statements?account={a}&afterId={id}", facility, lastId)
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].bankSerialNo").value("PAGE-5"));
        api.get(accountant, "/api/v1/bank-statements?account={a}&from=2023-99-01", facility)
                .andExpect(status().isBadRequest());
    }

    // ================================================================ helpers

    private ResultActions upload(LoanUser user, String account, String fileName, byte[] content, String key)
            throws Exception {
        return upload(user, account, fileName, content, key, null);
    }

    private ResultActions upload(LoanUser user, String account, String fileName, byte[] content, String key,
                                 String language) throws Exception {
        MockMultipartHttpServletRequestBuilder req = multipart("/api/v1/bank-statements");
        req.file(new MockMultipartFile("file", fileName, "text/csv", content)).param("account", account);
        if (user != null) {
            req.with(httpBasic(user.username(), Fixtures.PASSWORD));
        }
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        if (language != null) {
            req.header("Accept-Language", language);
        }
        return api.mvc().perform(req);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, fx.count(t));
        }
        return counts;
    }
}
