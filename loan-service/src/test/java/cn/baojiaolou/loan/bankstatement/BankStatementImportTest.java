package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.LineProblem;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.SystemPrincipal;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The importer against the real database: encodings, XLSX, all-or-nothing validation, re-imports, the audit row. */
@DatabaseTest
class BankStatementImportTest {

    private static final List<String> TABLES = List.of("bank_statement_import", "bank_statement_line", "audit_event");
    static final String HEADER = "交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要\n";

    @Autowired
    Fixtures fx;
    @Autowired
    BankStatementImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    ObjectMapper json;

    String facility;
    LoanUser accountant;

    @BeforeEach
    void facility() {
        facility = fx.facility(new BigDecimal("50000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        accountant = fx.user(Role.ACCOUNTANT, null);
    }

    @Test
    void aGbkCsvAsTheBankExportsItIsImportedWithItsChineseNamesIntact() throws Exception {
        byte[] content = resource("gbk-statement.csv");
        assertThat(StatementReader.decode(content, 0, StandardCharsets.UTF_8)).as("the file is not UTF-8").isNull();
        long lastAudit = lastAuditId();

        ImportResult r = importAs(accountant, facility, "工行专户对账单2023.csv", content);

        assertThat(r.account()).isEqualTo(facility);
        assertThat(r.fileName()).isEqualTo("工行专户对账单2023.csv");
        assertThat(r.encoding()).isEqualTo("GBK");
        assertThat(r.linesTotal()).isEqualTo(4);
        assertThat(r.imported()).isEqualTo(4);
        assertThat(r.skipped()).isZero();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM bank_statement_line WHERE import_id = ?"
                + " ORDER BY line_no", r.importId());
        assertThat(rows).extracting(m -> m.get("counterparty_name")).containsExactly("国家开发银行湖南省分行",
                "湖南建工集团有限公司", "吾悦华府农民工工资专户", "永州市潇湘源城市发展有限公司");
        assertThat(rows).extracting(m -> m.get("memo")).containsExactly("保交楼专项借款提款", "工程款（复工节点）",
                "农民工工资", "项目还款（售房款）");
        assertThat(rows).extracting(m -> m.get("direction")).containsExactly("CREDIT", "DEBIT", "DEBIT", "CREDIT");
        assertThat(rows).extracting(m -> m.get("line_no")).containsExactly(2, 3, 4, 5);
        Map<String, Object> second = rows.get(1);
        assertThat((BigDecimal) second.get("amount")).isEqualByComparingTo("1234567.89");
        assertThat((BigDecimal) second.get("balance_after")).isEqualByComparingTo("8765432.11");
        assertThat(second.get("txn_date").toString()).isEqualTo("2023-03-10");
        assertThat(second.get("value_date").toString()).isEqualTo("2023-03-10");
        assertThat(second.get("counterparty_account")).isEqualTo("43050100000000000007");
        assertThat(second.get("bank_serial_no")).isEqualTo("GBK-0002");
        assertThat(second.get("voucher_no")).isEqualTo("JZ20230310-0002");
        assertThat(rows.get(0).get("voucher_no")).isNull();

        Map<String, Object> imp = jdbc.queryForMap("SELECT * FROM bank_statement_import WHERE id = ?", r.importId());
        assertThat(imp.get("file_sha256")).isEqualTo(sha256(content));
        assertThat(imp.get("encoding")).isEqualTo("GBK");
        assertThat(imp.get("lines_total")).isEqualTo(4);
        assertThat(imp.get("lines_imported")).isEqualTo(4);
        assertThat(imp.get("lines_skipped")).isEqualTo(0);
        assertThat(imp.get("imported_by")).isEqualTo(accountant.username());

        Map<String, Object> audit = jdbc.queryForMap("SELECT * FROM audit_event WHERE id > ? ORDER BY id", lastAudit);
        assertThat(audit.get("action")).isEqualTo("BANK_STATEMENT_IMPORTED");
        assertThat(audit.get("target_type")).isEqualTo("facility");
        assertThat(audit.get("target_id")).isEqualTo(facility);
        assertThat(audit.get("username")).isEqualTo(accountant.username());
        assertThat(audit.get("result")).isEqualTo("SUCCESS");
        JsonNode after = json.readTree((String) audit.get("after_state"));
        assertThat(after.get("importId").asLong()).isEqualTo(r.importId());
        assertThat(after.get("fileSha256").asString()).isEqualTo(sha256(content));
        assertThat(after.get("linesTotal").asInt()).isEqualTo(4);
        assertThat(after.get("imported").asInt()).isEqualTo(4);
        assertThat(after.get("skipped").asInt()).isZero();
    }

    @Test
    void aUtf8CsvWithBomIsImportedAndTheAccountMayBeTheAccountNumber() {
        String accountNo = jdbc.queryForObject("SELECT account_no FROM facility WHERE code = ?", String.class,
                facility);
        byte[] content = withBom(HEADER
                + "2023-04-03,2023-04-03,贷,5000000.00,国家开发银行湖南省分行,43001000000000000001,BOM-1,JZ20230403-0001,5000000.00,提款\n"
                + "2023-04-10,2023-04-10,借,1200000.00,湖南省第六工程有限公司,43050100000000000099,BOM-2,JZ20230410-0002,3800000.00,工程款\n");

        ImportResult r = importAs(accountant, accountNo, "statement-utf8.csv", content);

        assertThat(r.account()).isEqualTo(facility);
        assertThat(r.encoding()).isEqualTo("UTF-8");
        assertThat(r.imported()).isEqualTo(2);
        // the BOM did not leak into the first header cell, nor the first line
        assertThat(jdbc.queryForList("SELECT counterparty_name FROM bank_statement_line WHERE import_id = ? ORDER BY"
                + " line_no", String.class, r.importId())).containsExactly("国家开发银行湖南省分行", "湖南省第六工程有限公司");
        assertThat(jdbc.queryForObject("SELECT txn_date FROM bank_statement_line WHERE import_id = ? AND line_no = 2",
                LocalDate.class, r.importId())).isEqualTo(LocalDate.of(2023, 4, 3));
    }

    @Test
    void anXlsxBuiltWithPoiIsImported() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("专户明细");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            String[] header = {"Transaction Date", "Value Date", "Direction", "Amount", "Counterparty Name",
                    "Counterparty Account", "Bank Serial Number", "Voucher Number", "Balance After", "Memo"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] data = {
                    {LocalDate.of(2023, 5, 25), LocalDate.of(2023, 5, 25), "C", 40000000.00, "国家开发银行湖南省分行",
                            "43001000000000000001", "X-1", "JZ20230525-0007", 40000000.00, "第三次提款"},
                    {LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 8), "D", 2580000.00, "湖南望新建设集团股份有限公司",
                            "43050100000000000123", "X-2", "JZ20230608-0008", 37420000.00, "工程款"},
                    {LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 8), "D", 455294.12, "南津新城·锦园农民工工资专户",
                            "43060100000000000456", "X-3", null, 36964705.88, null}};
            for (int r = 0; r < data.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < data[r].length; c++) {
                    Object v = data[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(money);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }

        ImportResult r = importAs(accountant, facility, "专户明细.xlsx", xlsx);

        assertThat(r.encoding()).isEqualTo("XLSX");
        assertThat(r.linesTotal()).isEqualTo(3);
        assertThat(r.imported()).isEqualTo(3);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM bank_statement_line WHERE import_id = ?"
                + " ORDER BY line_no", r.importId());
        assertThat(rows).extracting(m -> m.get("direction")).containsExactly("CREDIT", "DEBIT", "DEBIT");
        assertThat(rows).extracting(m -> ((BigDecimal) m.get("amount")).toPlainString())
                .containsExactly("40000000.00", "2580000.00", "455294.12");
        assertThat(rows).extracting(m -> ((BigDecimal) m.get("balance_after")).toPlainString())
                .containsExactly("40000000.00", "37420000.00", "36964705.88");
        assertThat(rows).extracting(m -> m.get("value_date").toString())
                .containsExactly("2023-05-25", "2023-06-08", "2023-06-08");
        assertThat(rows.get(2).get("counterparty_name")).isEqualTo("南津新城·锦园农民工工资专户");
        assertThat(rows.get(2).get("voucher_no")).isNull();
        assertThat(rows.get(2).get("memo")).isNull();
    }

    @Test
    void aFileWithThreeBadLinesStoresNothingAndNamesAllThree() {
        String text = HEADER
                + "2023-03-01,2023-03-01,贷,1000000.00,国家开发银行湖南省分行,4300001,BAD-1,,1000000.00,提款\n"
                + "2023-03-02,2023-03-02,借,1000.001,湖南建工集团有限公司,4300002,BAD-2,,999000.00,工程款\n"
                + "2023-03-03,2023-03-03,借,5000.00,湖南建工集团有限公司,4300002,BAD-3,,994000.00,工程款\n"
                + "2023-03-04,2023-03-04,出,5000.00,湖南建工集团有限公司,4300002,BAD-4,,989000.00,工程款\n"
                + "2023-03-05,2023-03-05,借,5000.00,湖南建工集团有限公司,4300002,BAD-3,,984000.00,工程款\n"
                + "2023-03-06,2023-03-06,借,5000.00,湖南建工集团有限公司,4300002,BAD-6,,979000.00,工程款\n";
        Map<String, Long> before = counts();

        BankStatementInvalidException e = catchThrowableOfType(BankStatementInvalidException.class,
                () -> importAs(accountant, facility, "bad.csv", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(counts()).isEqualTo(before);
        List<LineProblem> zh = e.resolve((key, args) -> messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
        assertThat(zh).containsExactly(
                new LineProblem(3, "金额“1000.001”最多两位小数"),
                new LineProblem(5, "借贷方向“出”无效（须为 借/贷、debit/credit 或 D/C）"),
                new LineProblem(6, "银行流水号 BAD-3 与第 4 行重复"));
        List<LineProblem> en = e.resolve((key, args) -> messages.getMessage(key, args, Locale.ENGLISH));
        assertThat(en).extracting(LineProblem::reason).containsExactly(
                "amount \"1000.001\" has more than two decimals",
                "direction \"出\" is not valid (debit/credit, D/C or 借/贷)",
                "bank serial number BAD-3 repeats line 4");
    }

    @Test
    void theSameFileTwiceImportsItsLinesOnceAndRecordsBothAttempts() {
        byte[] content = (HEADER
                + "2023-07-03,2023-07-03,贷,3000000.00,国家开发银行湖南省分行,4300001,TWICE-1,,3000000.00,提款\n"
                + "2023-07-05,2023-07-05,借,1000000.00,湖南建工集团有限公司,4300002,TWICE-2,JZ20230705-0001,2000000.00,工程款\n"
                + "2023-07-06,2023-07-06,借,150000.00,某项目农民工工资专户,4300003,TWICE-3,JZ20230705-0002,1850000.00,农民工工资\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportResult first = importAs(accountant, facility, "july.csv", content);
        assertThat(first.imported()).isEqualTo(3);
        List<Map<String, Object>> linesAfterFirst = lines();
        Map<String, Long> before = counts();

        ImportResult second = importAs(accountant, facility, "july.csv", content);

        assertThat(second.importId()).isNotEqualTo(first.importId());
        assertThat(second.linesTotal()).isEqualTo(3);
        assertThat(second.imported()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(lines()).isEqualTo(linesAfterFirst);
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("bank_statement_import", 1L, Long::sum);
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(counts()).isEqualTo(expected);
        Map<String, Object> imp = jdbc.queryForMap("SELECT * FROM bank_statement_import WHERE id = ?",
                second.importId());
        assertThat(imp.get("lines_imported")).isEqualTo(0);
        assertThat(imp.get("lines_skipped")).isEqualTo(3);

        // the next statement overlaps the last one by two lines: only the new line is stored
        byte[] next = (HEADER
                + "2023-07-05,2023-07-05,借,1000000.00,湖南建工集团有限公司,4300002,twice-2,JZ20230705-0001,2000000.00,工程款\n"
                + "2023-07-06,2023-07-06,借,150000.00,某项目农民工工资专户,4300003,TWICE-3,JZ20230705-0002,1850000.00,农民工工资\n"
                + "2023-07-20,2023-07-20,借,30000.00,某监理公司,4300004,TWICE-4,JZ20230720-0003,1820000.00,监理费\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportResult third = importAs(accountant, facility, "july-2.csv", next);
        assertThat(third.imported()).isEqualTo(1);
        assertThat(third.skipped()).isEqualTo(2);
        assertThat(lines()).hasSize(4).last().satisfies(l -> {
            assertThat(l.get("bank_serial_no")).isEqualTo("TWICE-4");
            assertThat(l.get("import_id")).isEqualTo(third.importId());
        });
    }

    @Test
    void serialsAreDistinctPerFacility() {
        String other = fx.facility(new BigDecimal("1000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        byte[] content = (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,SAME-1,,100.00,\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importAs(accountant, facility, "a.csv", content).imported()).isEqualTo(1);
        assertThat(importAs(accountant, other, "a.csv", content).imported()).isEqualTo(1);
    }

    @Test
    void manyLinesAreCheckedAndInsertedInChunks() {
        StringBuilder text = new StringBuilder(HEADER);
        int n = BankStatementImporter.LOOKUP_CHUNK + 234;
        for (int i = 1; i <= n; i++) {
            text.append("2023-08-01,2023-08-01,借,1.00,甲,1,MANY-").append(i).append(",,").append(n - i).append(",\n");
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(importAs(accountant, facility, "many.csv", content).imported()).isEqualTo(n);
        ImportResult again = importAs(accountant, facility, "many.csv", content);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(n);
        assertThat(lines()).hasSize(n);
    }

    @Test
    void anUnknownAccountIsRefusedOnTheAccountField() {
        Map<String, Long> before = counts();
        Refusal e = catchThrowableOfType(Refusal.class, () -> importAs(accountant, "NO-SUCH-FACILITY",
                "x.csv", (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,S-1,,100.00,\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(e.kind()).isEqualTo(Refusal.Kind.RULE);
        assertThat(e.field()).isEqualTo("account");
        assertThat(e.messageKey()).isEqualTo("bankStatement.accountUnknown");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aDistrictAccountantCannotImportTheCityFacilitysStatement() {
        District d = fx.district();
        LoanUser district = fx.user(Role.ACCOUNTANT, d.id());
        Refusal e = catchThrowableOfType(Refusal.class, () -> importAs(district, facility, "x.csv",
                (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,S-1,,100.00,\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(e.messageKey()).isEqualTo("facility.cityOnly");
    }

    @Test
    void theBatchRunnerImportsAsTheSystemUser() throws Exception {
        ImportResult r = SystemPrincipal.call(() -> importer.importStatement(facility, "/data/inbox/" + facility
                + ".csv", (HEADER + "2023-07-03,2023-07-03,贷,100.00,甲,1,SYS-1,,100.00,\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(r.fileName()).isEqualTo(facility + ".csv");
        assertThat(jdbc.queryForObject("SELECT imported_by FROM bank_statement_import WHERE id = ?", String.class,
                r.importId())).isEqualTo("system");
    }

    // ================================================================ helpers

    private ImportResult importAs(LoanUser user, String account, String fileName, byte[] content) {
        return fx.as(user, () -> importer.importStatement(account, fileName, content));
    }

    private List<Map<String, Object>> lines() {
        return jdbc.queryForList("SELECT l.* FROM bank_statement_line l JOIN facility f ON f.id = l.facility_id"
                + " WHERE f.code = ? ORDER BY l.id", facility);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, fx.count(t));
        }
        return counts;
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BankStatementImportTest.class.getResourceAsStream("/bankstatement/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
