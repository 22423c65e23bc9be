package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.LineProblem;
import cn.baojiaolou.loan.domain.Refusal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading and validating statement files, without a database. */
class BankStatementParserTest {

    static final LocalDate TODAY = LocalDate.of(2024, 1, 31);
    static final String HEADER = "交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要\n";

    // ---------------------------------------------------------------- encodings

    @Test
    void utf8WithoutBomIsReadAsUtf8() {
        var parsed = parse(HEADER + "2023-03-01,2023-03-01,贷,100.00,国家开发银行湖南省分行,4300001,S1,,100.00,提款\n");
        assertThat(parsed.encoding()).isEqualTo("UTF-8");
        assertThat(parsed.lines()).singleElement().satisfies(l -> {
            assertThat(l.counterpartyName()).isEqualTo("国家开发银行湖南省分行");
            assertThat(l.direction()).isEqualTo(Direction.CREDIT);
            assertThat(l.memo()).isEqualTo("提款");
        });
    }

    @Test
    void gbkIsTheFallbackWhenTheBytesAreNotUtf8() {
        String text = HEADER + "2023-03-01,2023-03-01,借,100.00,湖南建工集团有限公司,4300001,S1,,0.00,工程款\n";
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        var parsed = BankStatementParser.parse(gbk, TODAY);
        assertThat(parsed.encoding()).isEqualTo("GBK");
        assertThat(parsed.lines().get(0).counterpartyName()).isEqualTo("湖南建工集团有限公司");
        assertThat(parsed.lines().get(0).memo()).isEqualTo("工程款");
    }

    @Test
    void gb18030CarriesRareCharactersOfNamesThatGbkLacks() {
        // 𠮷 (U+20BB7) is a four-byte GB18030 character: not valid UTF-8, not valid GBK
        String text = HEADER + "2023-03-01,2023-03-01,借,100.00,𠮷祥建筑劳务有限公司,4300001,S1,,0.00,劳务费\n";
        var parsed = BankStatementParser.parse(text.getBytes(Charset.forName("GB18030")), TODAY);
        assertThat(parsed.encoding()).isEqualTo("GB18030");
        assertThat(parsed.lines().get(0).counterpartyName()).isEqualTo("𠮷祥建筑劳务有限公司");
    }

    @Test
    void aUtf8BomIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER + "2023-03-01,2023-03-01,贷,100.00,甲,1,S1,,100.00,\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);
        var parsed = BankStatementParser.parse(content, TODAY);
        assertThat(parsed.encoding()).isEqualTo("UTF-8");
        assertThat(parsed.lines()).hasSize(1);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefused() {
        byte[] content = {(byte) 0xFF, (byte) 0xFE, 'a', 0, ',', 0};
        assertFileError(content, "bankStatement.encoding");
    }

    // ---------------------------------------------------------------- formats

    @Test
    void englishHeadersDirectionWordsDateFormsAndThousandsSeparators() {
        String text = """
                Transaction Date,Value Date,Direction,Amount,Counterparty Name,Counterparty Account,Bank Serial Number,Voucher Number,Balance After,Memo
                2023/03/01,20230301,credit,"1,234,567.80",CDB Hunan,4300001,S1,,"1,234,567.80",drawdown
                2023-03-02,2023-03-02,DEBIT,0.5,Contractor,4300002,S2,JZ20230302-0001,1234567.30,
                2023-03-03,2023-03-03,D,1,Contractor,4300002,S3,,1234566.30,
                2023-03-04,2023-03-04,c,"2,000",Developer,4300003,S4,,1236566.30,sales proceeds
                2023-03-05,2023-03-05,借,1.00,x,,S5,,1236565.30,
                2023-03-06,2023-03-06,贷,1.00,x,,S6,,1236566.30,
                """;
        List<StatementLine> lines = parse(text).lines();
        assertThat(lines).extracting(StatementLine::direction).containsExactly(Direction.CREDIT, Direction.DEBIT,
                Direction.DEBIT, Direction.CREDIT, Direction.DEBIT, Direction.CREDIT);
        assertThat(lines.get(0).txnDate()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(lines.get(0).valueDate()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(lines.get(0).amount()).isEqualByComparingTo("1234567.80");
        assertThat(lines.get(0).amount().scale()).isEqualTo(2);
        assertThat(lines.get(1).amount()).isEqualByComparingTo("0.50");
        assertThat(lines.get(3).amount()).isEqualByComparingTo("2000.00");
        assertThat(lines.get(1).voucherNo()).isEqualTo("JZ20230302-0001");
        assertThat(lines.get(0).voucherNo()).isNull();
        assertThat(lines.get(1).memo()).isNull();
        assertThat(lines.get(4).counterpartyAccount()).isNull();
        assertThat(lines).extracting(StatementLine::lineNo).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @Test
    void quotedFieldsCrlfBlankLinesAndTheExcelTextForm() {
        String text = HEADER.replace("\n", "\r\n")
                + "\r\n"
                + "2023-03-01,2023-03-01,贷,100.00,\"某某公司, 第一分公司\",=\"6217000012345678901\",S1,,100.00,\"他说\"\"好\"\"\"\r\n"
                + " , , , \r\n"
                + "2023-03-02,2023-03-02,借,50.00,乙,\t6217000012345678902,S2,,50.00,\r\n";
        List<StatementLine> lines = parse(text).lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).lineNo()).isEqualTo(3);
        assertThat(lines.get(0).counterpartyName()).isEqualTo("某某公司, 第一分公司");
        assertThat(lines.get(0).counterpartyAccount()).isEqualTo("6217000012345678901");
        assertThat(lines.get(0).memo()).isEqualTo("他说\"好\"");
        assertThat(lines.get(1).lineNo()).isEqualTo(5);
        assertThat(lines.get(1).counterpartyAccount()).isEqualTo("6217000012345678902");
    }

    @Test
    void tabSeparatedTextIsRead() {
        String text = HEADER.replace(',', '\t') + "2023-03-01\t2023-03-01\t贷\t1,000.00\t甲\t1\tS1\t\t1000.00\t提款\n";
        assertThat(parse(text).lines()).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("1000.00"));
    }

    @Test
    void trailingEmptyColumnsAreTolerated() {
        String text = HEADER.replace("\n", ",,\n") + "2023-03-01,2023-03-01,贷,1.00,甲,1,S1,,1.00,,,\n";
        assertThat(parse(text).lines()).hasSize(1);
    }

    // ---------------------------------------------------------------- bad lines

    @Test
    void everyBadLineIsReportedWithItsNumberAndAllItsReasons() {
        String text = HEADER
                + "2023-02-30,2023-03-01,贷,100.00,甲,1,S1,,100.00,\n"             // 2: no such date
                + "2023-03-01,2023-03-01,入,100.00,甲,1,S2,,100.00,\n"             // 3: direction
                + "2023-03-01,2023-03-01,贷,0,甲,1,S3,,100.00,\n"                  // 4: amount zero
                + "2023-03-01,2023-03-01,贷,-5.00,甲,1,S4,,100.00,\n"              // 5: negative amount
                + "2023-03-01,2023-03-01,贷,1.005,甲,1,S5,,100.00,\n"              // 6: three decimals
                + "2023-03-01,2023-03-01,贷,1,23.00,甲,1,S6,,100.00,x\n"           // 7: 11 columns
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,,,100.00,\n"               // 8: serial missing
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,S1,,100.00,\n"             // 9: duplicate of line 2
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,S9,,-0.01,\n"              // 10: negative balance
                + "2023-03-01,2023-03-01,贷,abc,甲,1,S10,,x,\n"                    // 11: two reasons
                + "2024-02-01,2023-03-01,贷,100.00,甲,1,S11,,100.00,\n"            // 12: after today
                + "2023-03-01,2023-03-01,贷,100.00," + "名".repeat(129) + ",1,S12,,100.00,\n" // 13: too long
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,S13,,100.00,\"第一行\n第二行\"\n"  // 14: control char
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,S14,,100.00\n"             // 16: 9 columns
                + "2023-03-01,2023-03-01,贷,\"1,00.00\",甲,1,S15,,100.00,\n"       // 17: bad separators
                + "2023-03-01,2023-03-01,贷,100.00,甲,1,S16,,100.00,ok\n";          // 18: fine
        BankStatementInvalidException e = invalid(text);
        List<LineProblem> problems = e.resolve(chinese());
        assertThat(problems).extracting(LineProblem::line)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17);
        assertThat(problems.get(0).reason()).isEqualTo("交易日期“2023-02-30”不是有效日期（须为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）");
        assertThat(problems.get(1).reason()).isEqualTo("借贷方向“入”无效（须为 借/贷、debit/credit 或 D/C）");
        assertThat(problems.get(2).reason()).isEqualTo("金额须大于 0");
        assertThat(problems.get(3).reason()).isEqualTo("金额须大于 0");
        assertThat(problems.get(4).reason()).isEqualTo("金额“1.005”最多两位小数");
        assertThat(problems.get(5).reason()).isEqualTo("应有 10 列，实际 11 列");
        assertThat(problems.get(6).reason()).isEqualTo("银行流水号不能为空");
        assertThat(problems.get(7).reason()).isEqualTo("银行流水号 S1 与第 2 行重复");
        assertThat(problems.get(8).reason()).isEqualTo("交易后余额不能为负数");
        assertThat(problems.get(9).reason()).isEqualTo("金额“abc”不是有效数字；交易后余额“x”不是有效数字");
        assertThat(problems.get(10).reason()).isEqualTo("交易日期 2024-02-01 超出范围（须在 2000-01-01 至今天 2024-01-31 之间）");
        assertThat(problems.get(11).reason()).isEqualTo("对方户名超过 128 个字符");
        assertThat(problems.get(12).reason()).isEqualTo("摘要含有控制字符（如换行符、制表符）");
        assertThat(problems.get(13).reason()).isEqualTo("应有 10 列，实际 9 列");
        assertThat(problems.get(14).reason()).isEqualTo("金额“1,00.00”不是有效数字");

        assertThat(e.detail(chinese())).startsWith("银行对账单有 15 行有误，整个文件未导入，请改正后重新导入。第 2 行：")
                .contains("；第 6 行：金额“1.005”最多两位小数")
                .endsWith("……（共 15 行有误，详见 errors）");
        assertThat(e.resolve(english()).get(9).reason())
                .isEqualTo("amount \"abc\" is not a valid number; balance after \"x\" is not a valid number");
        assertThat(e.kind()).isEqualTo(Refusal.Kind.RULE);
        assertThat(e.messageKey()).isEqualTo("bankStatement.invalid");
    }

    @Test
    void serialsThatTheDatabaseWouldTakeForTheSameAreDuplicates() {
        String text = HEADER + "2023-03-01,2023-03-01,贷,1.00,甲,1,ab12,,1.00,\n"
                + "2023-03-01,2023-03-01,贷,1.00,甲,1,ＡＢ１２,,1.00,\n";
        assertThat(invalid(text).resolve(chinese())).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsLine() {
        String text = HEADER + "2023-03-01,2023-03-01,贷,1.00,甲,1,S1,,1.00,ok\n"
                + "2023-03-01,2023-03-01,贷,1.00,\"甲,1,S2,,1.00,\n";
        assertThat(invalid(text).resolve(chinese())).singleElement().isEqualTo(new LineProblem(3, "引号未闭合"));
    }

    // ---------------------------------------------------------------- whole-file faults

    @Test
    void emptyHeaderOnlyAndHeaderlessFilesAreRefusedOnTheFileField() {
        assertFileError(new byte[0], "bankStatement.empty");
        assertFileError("\r\n \r\n".getBytes(StandardCharsets.UTF_8), "bankStatement.empty");
        assertFileError(HEADER.getBytes(StandardCharsets.UTF_8), "bankStatement.noLines");
        assertFileError("2023-03-01,2023-03-01,贷,1.00,甲,1,S1,,1.00,\n".getBytes(StandardCharsets.UTF_8),
                "bankStatement.noHeader");
        Refusal e = assertFileError(("交易日期,起息日,借贷方向,金额,对方户名,对方账号,银行流水号,凭证号,交易后余额\n"
                + "2023-03-01,2023-03-01,贷,1.00,甲,1,S1,,1.00\n").getBytes(StandardCharsets.UTF_8),
                "bankStatement.headerColumns");
        assertThat(e.args()).containsExactly(10, 9);
        e = assertFileError(("交易日期,起息日,金额,借贷方向,对方户名,对方账号,银行流水号,凭证号,交易后余额,摘要\n"
                + "2023-03-01,2023-03-01,1.00,贷,甲,1,S1,,1.00,\n").getBytes(StandardCharsets.UTF_8),
                "bankStatement.headerColumn");
        assertThat(e.args()).containsExactly(3, "借贷方向 / direction", "金额");
    }

    @Test
    void damagedWorkbooksAreRefused() {
        // .xls is read since issue 12 (BankExportsTest); an OLE2 header without a workbook behind it is refused
        assertFileError(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "bankStatement.unreadableXls");
        assertFileError("PK\u0003\u0004 this is no workbook".getBytes(StandardCharsets.ISO_8859_1),
                "bankStatement.unreadableXlsx");
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void xlsxCellsAreReadAsTheBankTypedThem() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("对账单");
            XSSFRow header = sheet.createRow(0);
            String[] names = HEADER.strip().split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0"));
            XSSFRow row = sheet.createRow(2); // row 2 left empty: line 2 is blank
            row.createCell(0).setCellValue(LocalDateTime.of(2023, 3, 1, 9, 30));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(20230301);               // a number that reads as YYYYMMDD
            row.createCell(2).setCellValue("借");
            row.createCell(3).setCellValue(1234567.89);             // shown as 1,234,568 but stored exactly
            row.getCell(3).setCellStyle(money);
            row.createCell(4).setCellValue("湖南建工集团有限公司");
            row.createCell(5).setCellValue("43050100000000000007");
            row.createCell(6).setCellValue(202303010001L);          // a serial typed as a number
            row.createCell(8).setCellFormula("0.1+0.2");            // cached result 0.30000000000000004
            // memo (column 10) not even created
            book.setForceFormulaRecalculation(false);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            xlsx = out.toByteArray();
        }
        var parsed = BankStatementParser.parse(xlsx, TODAY);
        assertThat(parsed.encoding()).isEqualTo("XLSX");
        assertThat(parsed.lines()).singleElement().satisfies(l -> {
            assertThat(l.lineNo()).isEqualTo(3);
            assertThat(l.txnDate()).isEqualTo(LocalDate.of(2023, 3, 1));
            assertThat(l.valueDate()).isEqualTo(LocalDate.of(2023, 3, 1));
            assertThat(l.direction()).isEqualTo(Direction.DEBIT);
            assertThat(l.amount()).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(l.bankSerialNo()).isEqualTo("202303010001");
            assertThat(l.voucherNo()).isNull();
            assertThat(l.balanceAfter()).isEqualTo(new BigDecimal("0.30"));
            assertThat(l.memo()).isNull();
        });
    }

    // ---------------------------------------------------------------- the sample file of the README

    @Test
    void theSampleFileIsValidAndItsBalancesFollowFromItsAmounts() throws IOException {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/samples/bank-statement-sample.csv"));
        var parsed = BankStatementParser.parse(sample, TODAY);
        assertThat(parsed.encoding()).isEqualTo("UTF-8");
        List<StatementLine> lines = parsed.lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines).extracting(StatementLine::direction).contains(Direction.CREDIT, Direction.DEBIT);
        assertThat(lines).allSatisfy(l -> assertThat(l.voucherNo()).matches("JZ\\d{8}-\\d{4}"));
        // within each run of consecutive days the balance moves by exactly the amount (the sample is two excerpts)
        for (int i = 1; i < lines.size(); i++) {
            StatementLine prev = lines.get(i - 1);
            StatementLine l = lines.get(i);
            if (l.txnDate().isAfter(prev.txnDate().plusMonths(2))) {
                continue;
            }
            BigDecimal signed = l.direction() == Direction.CREDIT ? l.amount() : l.amount().negate();
            assertThat(l.balanceAfter()).as("line %d", l.lineNo()).isEqualTo(prev.balanceAfter().add(signed));
        }
    }

    // ================================================================ helpers

    static BankStatementParser.ParsedStatement parse(String text) {
        return BankStatementParser.parse(text.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    static BankStatementInvalidException invalid(String text) {
        return catchThrowableOfType(BankStatementInvalidException.class, () -> parse(text));
    }

    static Refusal assertFileError(byte[] content, String key) {
        Refusal e = catchThrowableOfType(Refusal.class, () -> BankStatementParser.parse(content, TODAY));
        assertThat(e).as(key).isNotNull().isNotInstanceOf(BankStatementInvalidException.class);
        assertThat(e.messageKey()).isEqualTo(key);
        assertThat(e.field()).isEqualTo("file");
        assertThat(e.kind()).isEqualTo(Refusal.Kind.RULE);
        return e;
    }

    static java.util.function.BiFunction<String, Object[], String> chinese() {
        return messages(Locale.SIMPLIFIED_CHINESE);
    }

    static java.util.function.BiFunction<String, Object[], String> english() {
        return messages(Locale.ENGLISH);
    }

    private static java.util.function.BiFunction<String, Object[], String> messages(Locale locale) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return (key, args) -> source.getMessage(key, args, locale);
    }
}
