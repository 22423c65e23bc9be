package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.bankstatement.BankFiles.Txn;
import cn.baojiaolou.loan.bankstatement.BankStatementInvalidException.LineProblem;
import cn.baojiaolou.loan.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static cn.baojiaolou.loan.bankstatement.BankFiles.credit;
import static cn.baojiaolou.loan.bankstatement.BankFiles.debit;
import static cn.baojiaolou.loan.bankstatement.BankStatementParserTest.TODAY;
import static cn.baojiaolou.loan.bankstatement.BankStatementParserTest.chinese;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bank exports as the banks build them, read without a database (issue 12). */
class BankExportsTest {

    static final String ACCOUNT = "43050174360800001888";
    static final String HOLDER = "永州市城市发展集团有限责任公司";
    static final BigDecimal OPENING = new BigDecimal("10000000.00");

    static final List<Txn> JUNE = List.of(
            credit("2023-06-02 09:15:02", "5000000.00", "国家开发银行湖南省分行", "43001000000000000001",
                    "JZ20230602-0001", "保交楼专项借款提款", "BK0602001"),
            debit("2023-06-08 14:03:10", "1234567.89", "湖南建工集团有限公司", "43050100000000000007",
                    "JZ20230608-0002", "工程款", "BK0608001"),
            debit("2023-06-15 10:23:45", "1300000.00", "永州市零陵区人民法院", "3201300000000001", null,
                    "司法扣划（2023）湘1102执1234号", "BK0615001"),
            credit("2023-06-20 16:40:00", "8000000.00", "永州市潇湘源城市发展有限公司", null, "JZ20230620-0003",
                    "项目还款", "BK0620001"));

    @Test
    void aGbkCsvOfIcbcWithTitleLinesDebitCreditColumnsATimeColumnAndATotalsRow() {
        byte[] file = BankFiles.icbcCsv(ACCOUNT, HOLDER, OPENING, JUNE);
        assertThat(StatementReader.decode(file, 0, StandardCharsets.UTF_8)).as("GBK, not UTF-8").isNull();

        var parsed = BankStatementParser.parse(file, TODAY);

        assertThat(parsed.encoding()).isEqualTo("GBK");
        assertThat(parsed.layout().code()).isEqualTo("ICBC");
        assertThat(parsed.headerLine()).isEqualTo(5); // title, 账号/户名, 起止日期, a blank line, then the header
        assertThat(parsed.skippedRows()).as("合计 and the footer").isEqualTo(2);
        List<StatementLine> lines = parsed.lines();
        assertThat(lines).extracting(StatementLine::lineNo).containsExactly(6, 7, 8, 9);
        assertThat(lines).extracting(StatementLine::direction).containsExactly(Direction.CREDIT, Direction.DEBIT,
                Direction.DEBIT, Direction.CREDIT);
        assertThat(lines).extracting(l -> l.amount().toPlainString())
                .containsExactly("5000000.00", "1234567.89", "1300000.00", "8000000.00");
        assertThat(lines).extracting(l -> l.balanceAfter().toPlainString())
                .containsExactly("15000000.00", "13765432.11", "12465432.11", "20465432.11");
        StatementLine court = lines.get(2);
        assertThat(court.txnDate()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(court.valueDate()).as("no value date column: the transaction date").isEqualTo(court.txnDate());
        assertThat(court.txnTime()).isEqualTo(LocalTime.of(10, 23, 45));
        assertThat(court.counterpartyName()).isEqualTo("永州市零陵区人民法院");
        assertThat(court.counterpartyAccount()).isEqualTo("3201300000000001");
        assertThat(court.memo()).isEqualTo("司法扣划（2023）湘1102执1234号");
        assertThat(court.voucherNo()).isNull();
        // no serial column: a serial derived from the line, the same on every read of the same export
        assertThat(court.bankSerialNo()).startsWith("H").hasSize(24);
        assertThat(BankStatementParser.parse(file, TODAY).lines()).extracting(StatementLine::bankSerialNo)
                .isEqualTo(lines.stream().map(StatementLine::bankSerialNo).toList());
        // the title lines' and the 本方账号 column's account, and the holder
        assertThat(parsed.accountNumbers()).extracting(BankStatementParser.Evidence::value).containsOnly(ACCOUNT);
        assertThat(parsed.accountNumbers()).extracting(BankStatementParser.Evidence::line).contains(2, 6, 9);
        assertThat(parsed.accountNames()).extracting(BankStatementParser.Evidence::value).containsExactly(HOLDER);
    }

    @Test
    void aTabSeparatedTxtOfAbcWithYyyymmddDatesAndIncomeExpenseColumns() {
        var parsed = BankStatementParser.parse(BankFiles.abcTxt(ACCOUNT, HOLDER, OPENING, JUNE), TODAY);

        assertThat(parsed.encoding()).isEqualTo("GBK");
        assertThat(parsed.layout().code()).isEqualTo("ABC");
        assertThat(parsed.skippedRows()).isEqualTo(1);
        assertThat(parsed.lines()).extracting(StatementLine::txnDate).containsExactly(LocalDate.of(2023, 6, 2),
                LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 20));
        assertThat(parsed.lines()).extracting(StatementLine::txnTime).containsExactly(LocalTime.of(9, 15, 2),
                LocalTime.of(14, 3, 10), LocalTime.of(10, 23, 45), LocalTime.of(16, 40));
        assertThat(parsed.lines()).extracting(StatementLine::direction).containsExactly(Direction.CREDIT,
                Direction.DEBIT, Direction.DEBIT, Direction.CREDIT);
        assertThat(parsed.lines()).extracting(StatementLine::bankSerialNo)
                .containsExactly("BK0602001", "BK0608001", "BK0615001", "BK0620001");
        assertThat(parsed.lines().get(1).memo()).isEqualTo("工程款；转账");
        assertThat(parsed.lines().get(1).amount()).isEqualByComparingTo("1234567.89");
        assertThat(parsed.accountNumbers()).extracting(BankStatementParser.Evidence::value).containsExactly(ACCOUNT);
        assertThat(parsed.accountNames()).extracting(BankStatementParser.Evidence::value).containsExactly(HOLDER);
    }

    @Test
    void anXlsOfBocomWithMergedTitleRowsAndAmountWithADirectionFlag() {
        var parsed = BankStatementParser.parse(BankFiles.bocomXls(ACCOUNT, HOLDER, OPENING, JUNE), TODAY);

        assertThat(parsed.encoding()).isEqualTo("XLS");
        assertThat(parsed.layout().code()).isEqualTo("BOCOM");
        assertThat(parsed.headerLine()).isEqualTo(4);
        assertThat(parsed.skippedRows()).as("本页合计 and 总计").isEqualTo(2);
        assertThat(parsed.lines()).hasSize(4);
        assertThat(parsed.lines()).extracting(StatementLine::lineNo).containsExactly(5, 6, 7, 8);
        assertThat(parsed.lines()).extracting(StatementLine::direction).containsExactly(Direction.CREDIT,
                Direction.DEBIT, Direction.DEBIT, Direction.CREDIT);
        assertThat(parsed.lines().get(1).amount()).isEqualTo(new BigDecimal("1234567.89"));
        assertThat(parsed.lines().get(1).balanceAfter()).isEqualTo(new BigDecimal("13765432.11"));
        assertThat(parsed.lines().get(2).txnTime()).isEqualTo(LocalTime.of(10, 23, 45));
        assertThat(parsed.lines().get(2).txnDate()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(parsed.accountNumbers()).extracting(BankStatementParser.Evidence::value).containsExactly(ACCOUNT);
        assertThat(parsed.accountNames()).extracting(BankStatementParser.Evidence::value).containsExactly(HOLDER);
    }

    @Test
    void anXlsxOfBocWithMergedTitleRowsPayerPayeeColumnsAndASignedAmount() {
        var parsed = BankStatementParser.parse(BankFiles.bocXlsx(ACCOUNT, HOLDER, OPENING, JUNE), TODAY);

        assertThat(parsed.encoding()).isEqualTo("XLSX");
        assertThat(parsed.layout().code()).isEqualTo("BOC");
        assertThat(parsed.skippedRows()).isEqualTo(1);
        List<StatementLine> lines = parsed.lines();
        assertThat(lines).extracting(StatementLine::direction).containsExactly(Direction.CREDIT, Direction.DEBIT,
                Direction.DEBIT, Direction.CREDIT);
        assertThat(lines).extracting(l -> l.amount().toPlainString())
                .containsExactly("5000000.00", "1234567.89", "1300000.00", "8000000.00");
        // the counterparty is the side that is not the 专户
        assertThat(lines).extracting(StatementLine::counterpartyName).containsExactly("国家开发银行湖南省分行",
                "湖南建工集团有限公司", "永州市零陵区人民法院", "永州市潇湘源城市发展有限公司");
        assertThat(lines.get(1).counterpartyAccount()).isEqualTo("43050100000000000007");
        assertThat(lines.get(0).valueDate()).as("empty 起息日期").isEqualTo(LocalDate.of(2023, 6, 2));
        assertThat(lines.get(0).bankSerialNo()).isEqualTo("BK0602001");
        // the 专户 on the other side of every line, and in the title
        assertThat(parsed.accountNumbers()).extracting(BankStatementParser.Evidence::value).containsOnly(ACCOUNT)
                .hasSize(5);
        assertThat(parsed.accountNames()).extracting(BankStatementParser.Evidence::value).containsOnly(HOLDER);
    }

    static final List<BankLayouts.BankLayout> LAYOUTS = BankLayouts.ALL;

    @ParameterizedTest
    @FieldSource("LAYOUTS")
    void everyBuiltInLayoutReadsAFileWithItsPublishedHeader(BankLayouts.BankLayout layout) {
        String csv = "某某银行对公账户明细\n户名：" + HOLDER + "\n\n"
                + BankFiles.layoutCsv(layout, ACCOUNT, HOLDER, OPENING, JUNE) + "合计,,,\n";

        var parsed = BankStatementParser.parse(csv.getBytes(StandardCharsets.UTF_8), TODAY);

        assertThat(parsed.layout().code()).isEqualTo(layout.code());
        assertThat(parsed.lines()).hasSize(4);
        assertThat(parsed.lines()).extracting(StatementLine::direction).containsExactly(Direction.CREDIT,
                Direction.DEBIT, Direction.DEBIT, Direction.CREDIT);
        assertThat(parsed.lines()).extracting(l -> l.amount().toPlainString())
                .containsExactly("5000000.00", "1234567.89", "1300000.00", "8000000.00");
        assertThat(parsed.lines()).extracting(l -> l.balanceAfter().toPlainString())
                .containsExactly("15000000.00", "13765432.11", "12465432.11", "20465432.11");
        assertThat(parsed.lines()).extracting(StatementLine::txnDate).containsExactly(LocalDate.of(2023, 6, 2),
                LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 20));
        assertThat(parsed.lines().get(2).counterpartyName()).isEqualTo("永州市零陵区人民法院");
        assertThat(parsed.lines().get(2).memo()).contains("司法扣划");
        assertThat(parsed.accountNames()).extracting(BankStatementParser.Evidence::value).containsOnly(HOLDER);
    }

    @Test
    void dateForms() {
        String header = "交易时间,借方发生额,贷方发生额,余额,对方户名,对方账号,记账日期,摘要,凭证号\n";
        String text = header
                + "2023-06-01 08:00:00,1.00,,9.00,甲,1,20230601,a,\n"
                + "2023/06/02 8:05,2.00,,7.00,甲,1,2023年6月2日,b,\n"
                + "20230603 080500,,3.00,10.00,甲,1,2023.06.03,c,\n"
                + "20230604080501,4.00,,6.00,甲,1,,d,\n";
        var lines = BankStatementParser.parse(text.getBytes(StandardCharsets.UTF_8), TODAY).lines();
        assertThat(lines).extracting(StatementLine::txnDate).containsExactly(LocalDate.of(2023, 6, 1),
                LocalDate.of(2023, 6, 2), LocalDate.of(2023, 6, 3), LocalDate.of(2023, 6, 4));
        assertThat(lines).extracting(StatementLine::txnTime).containsExactly(LocalTime.of(8, 0),
                LocalTime.of(8, 5), LocalTime.of(8, 5), LocalTime.of(8, 5, 1));
    }

    @Test
    void badLinesOfABankLayoutAreAllListedWithTheirNumbersAndChineseReasons() {
        String text = "中国建设银行单位账户明细\n"
                + "交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,对方账号,对方开户机构,记账日期,摘要,备注,"
                + "账户明细编号-交易流水号,企业流水号,凭证种类,凭证号\n"
                + "2023-06-01 08:00:00,100.00,,900.00,人民币,甲,1,,20230601,工程款,,S1,,,\n"       // 3: fine
                + "2023-06-02 08:00:00,100.00,200.00,700.00,人民币,甲,1,,20230602,,,S2,,,\n"      // 4: both
                + "2023-06-03 08:00:00,,,700.00,人民币,甲,1,,20230603,,,S3,,,\n"                 // 5: neither
                + "2023-06-31 08:00:00,-,5.00,705.00,人民币,甲,1,,20230631,,,S4,,,\n"            // 6: no such day
                + "2023-06-05 08:00:00,5.00,,700.00,美元,甲,1,,20230605,,,S5,,,\n"               // 7: currency
                + "2023-06-06 08:00:00,1.005,,700.00,人民币,甲,1,,20230606,,,S6,,,\n"            // 8: decimals
                + "合计,205.00,205.00,,,,,,,,,,,,\n";
        BankStatementInvalidException e = catchThrowableOfType(BankStatementInvalidException.class,
                () -> BankStatementParser.parse(text.getBytes(StandardCharsets.UTF_8), TODAY));
        List<LineProblem> problems = e.resolve(chinese());
        assertThat(problems).extracting(LineProblem::line).containsExactly(4, 5, 6, 7, 8);
        assertThat(problems.get(0).reason()).isEqualTo("借方金额与贷方金额只能填写一个");
        assertThat(problems.get(1).reason()).isEqualTo("借方金额、贷方金额都为空");
        assertThat(problems.get(2).reason()).isEqualTo(
                "交易日期“20230631”不是有效日期（须为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）；"
                        + "交易时间“2023-06-31 08:00:00”不是有效日期（须为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）");
        assertThat(problems.get(3).reason()).isEqualTo("币种“美元”不是人民币：专户只收付人民币");
        assertThat(problems.get(4).reason()).isEqualTo("借方发生额“1.005”最多两位小数");
    }

    @Test
    void anUnknownLayoutIsRefusedWithItsHeaderAndASavedMappingReadsIt() {
        String header = "日期,时间,收支标志,金额,余额,对手户名,对手账号,流水编号,备注说明,经办网点";
        String text = "某农商银行账户流水\n" + header + "\n"
                + "2023-06-01,10:00:00,收,100.00,100.00,甲公司,6200001,N1,货款,营业部\n"
                + "2023-06-02,11:00:00,付,40.00,60.00,乙公司,6200002,N2,材料款,营业部\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Refusal unknown = catchThrowableOfType(Refusal.class, () -> BankStatementParser.parse(bytes, TODAY));
        assertThat(unknown.messageKey()).isEqualTo("bankStatement.unknownLayout");
        assertThat(unknown.field()).isEqualTo("file");
        assertThat(unknown.args()[0]).isEqualTo(2);
        assertThat((String) unknown.args()[1]).contains("收支标志", "对手账号");

        // the mapping page's first guess: the row and the cells it knows
        var preview = BankStatementParser.preview(bytes, List.of());
        assertThat(preview.headerIndex()).isEqualTo(1);
        assertThat(preview.header()).containsExactly(header.split(","));
        assertThat(preview.guess().get(3)).isEqualTo(StatementField.AMOUNT);
        assertThat(preview.guess().get(4)).isEqualTo(StatementField.BALANCE_AFTER);

        // the accountant maps it once: 收支标志 is the direction (收 / 付), 经办网点 is not needed
        List<StatementField> fields = List.of(StatementField.TXN_DATE, StatementField.TXN_TIME,
                StatementField.DIRECTION, StatementField.AMOUNT, StatementField.BALANCE_AFTER,
                StatementField.COUNTERPARTY_NAME, StatementField.COUNTERPARTY_ACCOUNT, StatementField.BANK_SERIAL_NO,
                StatementField.MEMO, StatementField.IGNORE);
        assertThat(StatementLayout.problems(fields)).isEmpty();
        var mapping = new BankStatementParser.Mapping(7, BankStatementParser.signature(List.of(header.split(","))),
                fields);
        var parsed = BankStatementParser.parse(bytes, TODAY, List.of(mapping));
        assertThat(parsed.layout().code()).isEqualTo("MAPPING:7");
        assertThat(parsed.lines()).extracting(StatementLine::direction).containsExactly(Direction.CREDIT,
                Direction.DEBIT);
        assertThat(parsed.lines()).extracting(StatementLine::bankSerialNo).containsExactly("N1", "N2");
        assertThat(parsed.lines()).extracting(StatementLine::memo).containsExactly("货款", "材料款");
        assertThat(parsed.lines()).extracting(StatementLine::txnTime).containsExactly(LocalTime.of(10, 0),
                LocalTime.of(11, 0));
        // the signature ignores case, blanks and punctuation, not the names: another header is not this mapping's
        String other = text.replace("经办网点", "网点");
        assertThat(catchThrowableOfType(Refusal.class, () -> BankStatementParser.parse(
                other.getBytes(StandardCharsets.UTF_8), TODAY, List.of(mapping))).messageKey())
                .isEqualTo("bankStatement.unknownLayout");
        assertThat(BankStatementParser.parse(text.replace("备注说明", " 备注 说明 ").getBytes(StandardCharsets.UTF_8),
                TODAY, List.of(mapping)).layout().code()).isEqualTo("MAPPING:7");
    }

    @Test
    void mappingsThatCannotBeReadAreRefused() {
        assertThat(StatementLayout.problems(List.of(StatementField.TXN_DATE, StatementField.BALANCE_AFTER)))
                .containsExactly("bankStatement.mapping.noAmount");
        assertThat(StatementLayout.problems(List.of(StatementField.AMOUNT, StatementField.DEBIT_AMOUNT,
                StatementField.CREDIT_AMOUNT, StatementField.BALANCE_AFTER)))
                .containsExactly("bankStatement.mapping.noDate", "bankStatement.mapping.twoAmounts");
        assertThat(StatementLayout.problems(List.of(StatementField.TXN_DATE, StatementField.AMOUNT,
                StatementField.AMOUNT, StatementField.BALANCE_AFTER, StatementField.MEMO, StatementField.MEMO)))
                .containsExactly("bankStatement.mapping.repeated");
        assertThat(StatementLayout.problems(List.of(StatementField.TXN_TIME, StatementField.DEBIT_AMOUNT,
                StatementField.CREDIT_AMOUNT))).containsExactly("bankStatement.mapping.noBalance");
    }
}
