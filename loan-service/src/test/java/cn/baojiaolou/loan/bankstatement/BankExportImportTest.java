package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankFiles.Txn;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static cn.baojiaolou.loan.bankstatement.BankFiles.credit;
import static cn.baojiaolou.loan.bankstatement.BankFiles.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bank exports into the database (issue 12): the file's account must be the 专户's, probable duplicates are held for
 * an accountant, court-flagged debits open deductions, and an unknown layout is mapped once per 专户.
 */
@DatabaseTest
class BankExportImportTest {

    private static final List<String> TABLES = List.of("bank_statement_import", "bank_statement_line",
            "bank_statement_held_line", "court_deduction", "audit_event");

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    BankStatementImporter importer;
    @Autowired
    HeldLines held;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    String facility;
    String accountNo;
    String holder;
    LoanUser accountant;

    @BeforeEach
    void facility() {
        facility = fx.facility(new BigDecimal("50000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        Map<String, Object> f = jdbc.queryForMap("SELECT account_no, borrower FROM facility WHERE code = ?", facility);
        accountNo = (String) f.get("account_no");
        holder = (String) f.get("borrower");
        accountant = fx.user(Role.ACCOUNTANT, null);
    }

    static List<Txn> june(String tag) {
        return List.of(
                credit("2023-06-02 09:15:02", "5000000.00", "国家开发银行湖南省分行", "43001000000000000001",
                        "JZ20230602-" + tag, "保交楼专项借款提款", "S1-" + tag),
                debit("2023-06-08 14:03:10", "1234567.89", "湖南建工集团有限公司", "43050100000000000007",
                        "JZ20230608-" + tag, "工程款", "S2-" + tag),
                debit("2023-06-15 10:23:45", "1300000.00", "永州市零陵区人民法院", "3201300000000001", null,
                        "司法扣划（2023）湘1102执1234号", "S3-" + tag));
    }

    @Test
    void aGbkIcbcExportWithTheRightAccountIsImportedWithItsTimesAndItsCourtDebitOpensADeduction() {
        byte[] file = BankFiles.icbcCsv(accountNo, holder, new BigDecimal("1000000.00"), june("A"));

        ImportResult r = importAs(accountant, facility, "工行历史明细.csv", file);

        assertThat(r.layout()).isEqualTo("ICBC");
        assertThat(r.encoding()).isEqualTo("GBK");
        assertThat(r.linesTotal()).isEqualTo(3);
        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.held()).isZero();
        assertThat(r.courtFlagged()).isEqualTo(1);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM bank_statement_line WHERE import_id = ? "
                + "ORDER BY line_no", r.importId());
        assertThat(rows).extracting(m -> m.get("txn_time").toString()).containsExactly("09:15:02", "14:03:10",
                "10:23:45");
        assertThat(rows).extracting(m -> m.get("court_flag")).containsExactly(false, false, true);
        assertThat(rows).extracting(m -> m.get("line_no")).containsExactly(6, 7, 8);
        Map<String, Object> imp = jdbc.queryForMap("SELECT * FROM bank_statement_import WHERE id = ?", r.importId());
        assertThat(imp.get("layout")).isEqualTo("ICBC");
        assertThat(imp.get("lines_court")).isEqualTo(1);
        Map<String, Object> d = jdbc.queryForMap("SELECT * FROM court_deduction WHERE bank_line_id = ?",
                rows.get(2).get("id"));
        assertThat(d.get("status")).isEqualTo("OPEN");
        assertThat((BigDecimal) d.get("amount")).isEqualByComparingTo("1300000.00");
        assertThat(d.get("deducted_on").toString()).isEqualTo("2023-06-15");
        assertThat(d.get("court")).isEqualTo("永州市零陵区人民法院");
        assertThat(d.get("case_no")).isEqualTo("（2023）湘1102执1234号");
        assertThat(d.get("created_by")).isEqualTo(accountant.username());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'COURT_DEDUCTION_REGISTERED' "
                + "AND target_id = ?", Long.class, facility)).isEqualTo(1);
    }

    @Test
    void aFileOfAnotherAccountIsRefusedWithBothNumbersAndNothingIsStored() {
        String other = fx.facility(new BigDecimal("1000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        byte[] file = BankFiles.icbcCsv(accountNo, holder, new BigDecimal("1000000.00"), june("B"));
        Map<String, Long> before = counts();

        Refusal e = catchThrowableOfType(Refusal.class, () -> importAs(accountant, other, "x.csv", file));

        assertThat(e.messageKey()).isEqualTo("bankStatement.wrongAccount");
        assertThat(e.field()).isEqualTo("file");
        String otherNo = jdbc.queryForObject("SELECT account_no FROM facility WHERE code = ?", String.class, other);
        assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "文件不属于所选专户：文件第 2 行的账号为 " + accountNo + "，借款批次 " + other + " 的专户账号为 " + otherNo
                        + "，未导入。");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileOfAnotherHolderIsRefusedAndAMaskedNumberOfTheSameAccountIsAccepted() {
        byte[] wrongName = BankFiles.abcTxt(accountNo, "永州市另一家公司", new BigDecimal("1000000.00"), june("C"));
        Refusal e = catchThrowableOfType(Refusal.class, () -> importAs(accountant, facility, "x.txt", wrongName));
        assertThat(e.messageKey()).isEqualTo("bankStatement.wrongAccountName");
        assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE))
                .contains("“永州市另一家公司”", "“" + holder + "”");

        String masked = accountNo.substring(0, 4) + "****" + accountNo.substring(accountNo.length() - 4);
        ImportResult r = importAs(accountant, facility, "masked.txt", BankFiles.abcTxt(masked, holder,
                new BigDecimal("1000000.00"), june("C")));
        assertThat(r.layout()).isEqualTo("ABC");
        assertThat(r.imported()).isEqualTo(3);

        String wrongMask = "9999****" + accountNo.substring(accountNo.length() - 4);
        assertThat(catchThrowableOfType(Refusal.class, () -> importAs(accountant, facility, "x.txt",
                BankFiles.abcTxt(wrongMask, holder, new BigDecimal("1000000.00"), june("D")))).messageKey())
                .isEqualTo("bankStatement.wrongAccount");
    }

    @Test
    void anXlsAndAnXlsxWithMergedTitleRowsAreImported() {
        ImportResult xls = importAs(accountant, facility, "交行明细.xls", BankFiles.bocomXls(accountNo, holder,
                new BigDecimal("1000000.00"), june("E")));
        assertThat(xls.encoding()).isEqualTo("XLS");
        assertThat(xls.layout()).isEqualTo("BOCOM");
        assertThat(xls.imported()).isEqualTo(3);

        String other = fx.facility(new BigDecimal("1000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        Map<String, Object> f = jdbc.queryForMap("SELECT account_no, borrower FROM facility WHERE code = ?", other);
        ImportResult xlsx = importAs(accountant, other, "中行明细.xlsx", BankFiles.bocXlsx((String) f.get("account_no"),
                (String) f.get("borrower"), new BigDecimal("1000000.00"), june("F")));
        assertThat(xlsx.encoding()).isEqualTo("XLSX");
        assertThat(xlsx.layout()).isEqualTo("BOC");
        assertThat(xlsx.imported()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT counterparty_name FROM bank_statement_line WHERE import_id = ? ORDER BY "
                + "line_no", String.class, xlsx.importId())).containsExactly("国家开发银行湖南省分行", "湖南建工集团有限公司",
                "永州市零陵区人民法院");
    }

    @Test
    void theSameLinesUnderOtherSerialsAreHeldThenConfirmedOrDroppedAndNeverHeldTwice() throws Exception {
        String header = BankStatementImportTest.HEADER;
        String first = header
                + "2023-07-03,2023-07-03,贷,3000000.00,国家开发银行湖南省分行,4300001,ORIG-1,JZ20230703-0001,3000000.00,提款\n"
                + "2023-07-05,2023-07-05,借,1000000.00,湖南建工集团有限公司,4300002,ORIG-2,JZ20230705-0002,2000000.00,工程款\n"
                + "2023-07-06,2023-07-06,借,150000.00,某项目农民工工资专户,4300003,ORIG-3,,1850000.00,农民工工资\n";
        ImportResult r1 = importAs(accountant, facility, "july.csv", first.getBytes(StandardCharsets.UTF_8));
        assertThat(r1.imported()).isEqualTo(3);
        // the same export re-numbered by the bank, plus one new line; one line differs by its voucher only
        String again = header
                + "2023-07-03,2023-07-03,贷,3000000.00,国家开发银行湖南省分行,4300001,NEW-1,JZ20230703-0001,3000000.00,提款\n"
                + "2023-07-05,2023-07-05,借,1000000.00,湖南建工集团有限公司,4300002,NEW-2,JZ20230705-0002,2000000.00,工程款\n"
                + "2023-07-06,2023-07-06,借,150000.00,某项目农民工工资专户,4300003,NEW-3,JZ20230706-0009,1850000.00,农民工工资\n"
                + "2023-07-06,2023-07-06,借,150000.00,某项目农民工工资专户,4300003,NEW-4,,1700000.00,农民工工资\n";
        Map<String, Long> before = counts();

        ImportResult r2 = importAs(accountant, facility, "july-again.csv", again.getBytes(StandardCharsets.UTF_8));

        assertThat(r2.linesTotal()).isEqualTo(4);
        assertThat(r2.held()).isEqualTo(3); // NEW-1, NEW-2 and NEW-4 (the voucher of NEW-3 differs)
        assertThat(r2.imported()).isEqualTo(1);
        assertThat(r2.skipped()).isZero();
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("bank_statement_import", 1L, Long::sum);
        expected.merge("bank_statement_line", 1L, Long::sum);
        expected.merge("bank_statement_held_line", 3L, Long::sum);
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(counts()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT lines_held FROM bank_statement_import WHERE id = ?", Integer.class,
                r2.importId())).isEqualTo(3);

        // the API lists them with the line each one looks like
        api.get(accountant, "/api/v1/bank-statements/held?account={a}", facility).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].bankSerialNo").value("NEW-1"))
                .andExpect(jsonPath("$[0].duplicateSerialNo").value("ORIG-1"))
                .andExpect(jsonPath("$[2].bankSerialNo").value("NEW-4"))
                .andExpect(jsonPath("$[2].duplicateSerialNo").value("ORIG-3"));
        List<BankStatementMapper.HeldLine> list = fx.as(accountant, () -> held.list(facility, "HELD"));

        // NEW-4 is a second wage payment the same day: confirmed, it becomes a line of its own
        long lines = linesOf(facility);
        api.post(accountant, "/api/v1/bank-statements/held/" + list.get(2).id() + "/confirmation",
                        "{\"note\":\"同日第二笔工资，经核对属实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.decidedBy").value(accountant.username()));
        assertThat(linesOf(facility)).isEqualTo(lines + 1);
        assertThat(jdbc.queryForObject("SELECT bank_serial_no FROM bank_statement_line WHERE id = (SELECT bank_line_id"
                + " FROM bank_statement_held_line WHERE id = ?)", String.class, list.get(2).id())).isEqualTo("NEW-4");
        // NEW-1 and NEW-2 are the same lines: dropped
        api.post(accountant, "/api/v1/bank-statements/held/" + list.get(0).id() + "/drop", "{\"note\":\"重复\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DROPPED"));
        fx.as(accountant, () -> held.drop(list.get(1).id(), null));
        assertThat(linesOf(facility)).isEqualTo(lines + 1);
        // a decision is final
        api.post(accountant, "/api/v1/bank-statements/held/" + list.get(0).id() + "/confirmation", "{}")
                .andExpect(status().isConflict());
        // a reviewer may not decide; an auditor may read
        api.post(fx.user(Role.REVIEWER, null), "/api/v1/bank-statements/held/" + list.get(1).id() + "/drop", "{}")
                .andExpect(status().isForbidden());

        // the page's export lists the three with their decisions in words
        byte[] xlsx = api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/statements/held.xlsx").param("account", facility)
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(accountant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("疑似重复流水");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 3);
            List<String> states = new java.util.ArrayList<>();
            for (int r = 3; r <= 5; r++) {
                states.add(sheet.getRow(r).getCell(8).getStringCellValue() + " " + sheet.getRow(r).getCell(10)
                        .getStringCellValue());
            }
            assertThat(states).containsExactlyInAnyOrder("NEW-1 已舍弃", "NEW-2 已舍弃", "NEW-4 已确认导入");
        }

        // the re-numbered export imported a third time: every serial is known, nothing is held again
        ImportResult r3 = importAs(accountant, facility, "july-again.csv", again.getBytes(StandardCharsets.UTF_8));
        assertThat(r3.skipped()).isEqualTo(4);
        assertThat(r3.held()).isZero();
        assertThat(r3.imported()).isZero();
    }

    @Test
    void anUnknownLayoutIsMappedOncePerDedicatedAccountThroughTheApi() throws Exception {
        String header = "日期,时间,收支标志,金额,余额,对手户名,对手账号,流水编号,备注说明,经办网点";
        String text = "某农商银行账户流水\n户名：" + holder + "\n" + header + "\n"
                + "2023-06-01,10:00:00,收,100.00,100.00,甲公司,6200001,N1,货款,营业部\n"
                + "2023-06-02,11:00:00,付,40.00,60.00,乙公司,6200002,N2,材料款,营业部\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        upload("/api/v1/bank-statements", facility, bytes).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.unknownLayout"))
                .andExpect(jsonPath("$.detail", containsString("第 3 行的表头")));
        upload("/api/v1/bank-statements/preview", facility, bytes).andExpect(status().isOk())
                .andExpect(jsonPath("$.headerIndex").value(2))
                .andExpect(jsonPath("$.headers[2]").value("收支标志"))
                .andExpect(jsonPath("$.fields[3]").value("amount"))
                .andExpect(jsonPath("$.layout").doesNotExist());

        String mapping = "{\"account\":\"" + facility + "\",\"headers\":[\"日期\",\"时间\",\"收支标志\",\"金额\",\"余额\","
                + "\"对手户名\",\"对手账号\",\"流水编号\",\"备注说明\",\"经办网点\"],\"fields\":[\"txnDate\",\"txnTime\","
                + "\"direction\",\"amount\",\"balanceAfter\",\"counterpartyName\",\"counterpartyAccount\",\"bankSerialNo\","
                + "\"memo\",\"ignore\"]}";
        api.post(fx.user(Role.AUDITOR, null), "/api/v1/bank-statements/mappings", mapping)
                .andExpect(status().isForbidden());
        api.post(accountant, "/api/v1/bank-statements/mappings", mapping.replace("\"balanceAfter\"", "\"ignore\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.mapping.noBalance"));
        api.post(accountant, "/api/v1/bank-statements/mappings", mapping).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fields[2]").value("direction"));

        upload("/api/v1/bank-statements", facility, bytes).andExpect(status().isCreated())
                .andExpect(jsonPath("$.layout", containsString("MAPPING:")))
                .andExpect(jsonPath("$.imported").value(2));
        // the mapping is the 专户's own: another 专户 does not know the header
        String other = fx.facility(new BigDecimal("1000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        upload("/api/v1/bank-statements", other, text.replace("户名：" + holder + "\n", "").getBytes(
                StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("bankStatement.unknownLayout"));
        api.get(accountant, "/api/v1/bank-statements/mappings?account={a}", facility)
                .andExpect(jsonPath("$", hasSize(1)));
        api.get(accountant, "/api/v1/bank-statements/layouts").andExpect(jsonPath("$", hasSize(7)))
                .andExpect(jsonPath("$[0].code").value("ICBC"));
    }

    // ================================================================ helpers

    private org.springframework.test.web.servlet.ResultActions upload(String path, String account, byte[] content)
            throws Exception {
        return api.mvc().perform(multipart(path).file(new MockMultipartFile("file", "x.csv", "text/csv", content))
                .param("account", account).with(httpBasic(accountant.username(), Fixtures.PASSWORD)));
    }

    private ImportResult importAs(LoanUser user, String account, String fileName, byte[] content) {
        return fx.as(user, () -> importer.importStatement(account, fileName, content));
    }

    private long linesOf(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement_line l JOIN facility f ON f.id = l.facility_id"
                + " WHERE f.code = ?", Long.class, code);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, fx.count(t));
        }
        return counts;
    }
}
