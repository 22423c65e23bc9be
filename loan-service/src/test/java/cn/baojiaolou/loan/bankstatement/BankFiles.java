package cn.baojiaolou.loan.bankstatement;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement files built the way the banks' corporate online banking builds them: title lines above the header
 * (account, holder, period, currency), merged title cells in Excel, the bank's own header, debit and credit columns,
 * a time column, a totals row, GBK text. One transaction is a {@link Txn}; balances run from {@code opening}.
 */
public final class BankFiles {

    static final Charset GBK = Charset.forName("GBK");
    static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A transaction: money in (credit) when {@code in}, the counterparty, voucher, memo and the bank's serial. */
    public record Txn(LocalDateTime at, boolean in, String amount, String counterparty, String counterpartyAccount,
               String voucher, String memo, String serial) {

        BigDecimal signed() {
            return in ? new BigDecimal(amount) : new BigDecimal(amount).negate();
        }
    }

    private BankFiles() {
    }

    public static Txn credit(String at, String amount, String counterparty, String account, String voucher, String memo,
                      String serial) {
        return new Txn(LocalDateTime.parse(at, DASHED), true, amount, counterparty, account, voucher, memo, serial);
    }

    public static Txn debit(String at, String amount, String counterparty, String account, String voucher, String memo,
                     String serial) {
        return new Txn(LocalDateTime.parse(at, DASHED), false, amount, counterparty, account, voucher, memo, serial);
    }

    static List<BigDecimal> balances(BigDecimal opening, List<Txn> txns) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal b = opening;
        for (Txn t : txns) {
            b = b.add(t.signed());
            out.add(b);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- 工商银行 (GBK CSV)

    /**
     * 中国工商银行 企业网银 历史明细 as CSV in GBK with CRLF: a title line, 账号 / 户名 / 起止日期 / 币种 lines, the
     * header (借方发生额 / 贷方发生额, 交易时间 with date and time, no serial column), the lines, a 合计 row and a
     * footer. Amounts have thousands separators and are quoted; account numbers in Excel's ="…" form.
     */
    public static byte[] icbcCsv(String accountNo, String holder, BigDecimal opening, List<Txn> txns) {
        StringBuilder s = new StringBuilder();
        s.append("中国工商银行企业网上银行账户历史明细,,,,,,,,,,,,\r\n");
        s.append("账号：").append(accountNo).append(",,户名：").append(holder).append(",,,,,,,,,,\r\n");
        s.append("起止日期：2023-06-01 至 2023-06-30,,币种：人民币,,,,,,,,,,\r\n");
        s.append("\r\n");
        s.append("凭证号,本方账号,对方账号,交易时间,借/贷,借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,余额,个性化信息\r\n");
        List<BigDecimal> bal = balances(opening, txns);
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (int i = 0; i < txns.size(); i++) {
            Txn t = txns.get(i);
            s.append(nz(t.voucher())).append(",=\"").append(accountNo).append("\",=\"").append(nz(t.counterpartyAccount()))
                    .append("\",").append(t.at().format(DASHED)).append(',').append(t.in() ? "贷" : "借").append(',')
                    .append(t.in() ? "" : quoted(t.amount())).append(',').append(t.in() ? quoted(t.amount()) : "")
                    .append(",102551000012,").append(nz(t.memo())).append(",,").append(nz(t.counterparty())).append(',')
                    .append(quoted(bal.get(i).toPlainString())).append(",\r\n");
            if (t.in()) {
                credits = credits.add(new BigDecimal(t.amount()));
            } else {
                debits = debits.add(new BigDecimal(t.amount()));
            }
        }
        s.append("合计,,,,,").append(quoted(debits.toPlainString())).append(',').append(quoted(credits.toPlainString()))
                .append(",,,,,,\r\n");
        s.append("打印日期：2023-07-01,,,,,,,,,,,,\r\n");
        return s.toString().getBytes(GBK);
    }

    // ------------------------------------------------------------------------------------------- 农业银行 (tab TXT)

    /** 中国农业银行 企业网银 账户明细 as tab-separated TXT in GBK: YYYYMMDD dates, HHmmss times, 收入 / 支出 金额. */
    public static byte[] abcTxt(String accountNo, String holder, BigDecimal opening, List<Txn> txns) {
        StringBuilder s = new StringBuilder();
        s.append("中国农业银行账户明细查询\n");
        s.append("账号:").append(accountNo).append("\t户名:").append(holder).append('\n');
        s.append("查询期间:20230601-20230630\n");
        s.append(String.join("\t", "交易日期", "交易时间", "收入金额", "支出金额", "本次余额", "对方账号", "对方户名",
                "对方开户行", "交易用途", "摘要", "交易流水号", "凭证号")).append('\n');
        List<BigDecimal> bal = balances(opening, txns);
        for (int i = 0; i < txns.size(); i++) {
            Txn t = txns.get(i);
            s.append(String.join("\t", t.at().toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE),
                    t.at().toLocalTime().format(DateTimeFormatter.ofPattern("HHmmss")), t.in() ? t.amount() : "0.00",
                    t.in() ? "0.00" : t.amount(), bal.get(i).toPlainString(), nz(t.counterpartyAccount()),
                    nz(t.counterparty()), "中国建设银行永州分行", nz(t.memo()), "转账", t.serial(), nz(t.voucher())))
                    .append('\n');
        }
        s.append("合计\t\t").append(sum(txns, true)).append('\t').append(sum(txns, false)).append('\n');
        return s.toString().getBytes(GBK);
    }

    // ------------------------------------------------------------------------------------------- 交通银行 (XLS)

    /**
     * 交通银行 企业网银 账户交易明细 as .xls (HSSF): the title merged over the width, an account line merged too, the
     * header, 交易日期 as a date cell, 交易时间 as a time text, 借贷标志 + 发生额, then 本页合计 and 总计 rows.
     */
    public static byte[] bocomXls(String accountNo, String holder, BigDecimal opening, List<Txn> txns) {
        try (Workbook book = new HSSFWorkbook()) {
            Sheet sheet = book.createSheet("账户交易明细");
            String[] header = {"交易日期", "交易时间", "业务类型", "借贷标志", "发生额", "余额", "对方账号", "对方户名",
                    "对方行名", "凭证种类", "凭证号码", "摘要", "附言", "会计流水号"};
            titleRows(sheet, header.length, "交通银行对公账户交易明细",
                    "账号：" + accountNo + "    户名：" + holder + "    币种：人民币");
            header(sheet, 3, header);
            CellStyle date = dateStyle(book, "yyyy-mm-dd");
            CellStyle money = dateStyle(book, "#,##0.00");
            List<BigDecimal> bal = balances(opening, txns);
            int r = 4;
            for (int i = 0; i < txns.size(); i++, r++) {
                Txn t = txns.get(i);
                Row row = sheet.createRow(r);
                Cell d = row.createCell(0);
                d.setCellValue(t.at().toLocalDate());
                d.setCellStyle(date);
                row.createCell(1).setCellValue(t.at().toLocalTime().toString());
                row.createCell(2).setCellValue("网银转账");
                row.createCell(3).setCellValue(t.in() ? "贷" : "借");
                Cell a = row.createCell(4);
                a.setCellValue(Double.parseDouble(t.amount()));
                a.setCellStyle(money);
                Cell b = row.createCell(5);
                b.setCellValue(bal.get(i).doubleValue());
                b.setCellStyle(money);
                row.createCell(6).setCellValue(nz(t.counterpartyAccount()));
                row.createCell(7).setCellValue(nz(t.counterparty()));
                row.createCell(8).setCellValue("交通银行永州分行");
                row.createCell(9).setCellValue("电子转账凭证");
                row.createCell(10).setCellValue(nz(t.voucher()));
                row.createCell(11).setCellValue(nz(t.memo()));
                row.createCell(13).setCellValue(t.serial());
            }
            sheet.createRow(r).createCell(0).setCellValue("本页合计");
            sheet.getRow(r).createCell(4).setCellValue(new BigDecimal(sum(txns, true)).add(new BigDecimal(sum(txns,
                    false))).doubleValue());
            sheet.createRow(r + 1).createCell(0).setCellValue("总计");
            return write(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- 中国银行 (XLSX)

    /**
     * 中国银行 企业网银 交易明细 as .xlsx: merged title rows, bilingual headers, 付款人 / 收款人 columns (the 专户 on one
     * side), a signed 交易金额 (negative = out), YYYYMMDD dates as numbers, an empty 起息日期, a 合计 row.
     */
    public static byte[] bocXlsx(String accountNo, String holder, BigDecimal opening, List<Txn> txns) {
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("交易明细");
            List<String> header = BankLayouts.BOC.headers();
            titleRows(sheet, header.size(), "中国银行交易流水明细清单",
                    "账号[ Account No. ]：" + accountNo + "  账户名称[ Account Name ]：" + holder);
            header(sheet, 3, header.toArray(String[]::new));
            List<BigDecimal> bal = balances(opening, txns);
            for (int i = 0; i < txns.size(); i++) {
                Txn t = txns.get(i);
                Row row = sheet.createRow(4 + i);
                String[] cells = new String[header.size()];
                cells[0] = t.in() ? "来账" : "往账";
                cells[1] = "转账";
                cells[4] = t.in() ? nz(t.counterpartyAccount()) : accountNo;
                cells[5] = t.in() ? nz(t.counterparty()) : holder;
                cells[8] = t.in() ? accountNo : nz(t.counterpartyAccount());
                cells[9] = t.in() ? holder : nz(t.counterparty());
                cells[11] = t.at().toLocalTime().toString();
                cells[12] = "人民币";
                cells[17] = t.serial();
                cells[21] = nz(t.voucher());
                cells[23] = nz(t.memo());
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
                row.createCell(10).setCellValue(Double.parseDouble(t.at().toLocalDate()
                        .format(DateTimeFormatter.BASIC_ISO_DATE)));
                row.createCell(13).setCellValue(t.signed().doubleValue());
                row.createCell(14).setCellValue(bal.get(i).doubleValue());
            }
            sheet.createRow(4 + txns.size()).createCell(0).setCellValue("合计[ Total ]");
            return write(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- any layout

    /** A CSV in UTF-8 with {@code layout}'s published header and one value for each field of every line. */
    static String layoutCsv(BankLayouts.BankLayout layout, String accountNo, String holder, BigDecimal opening,
                            List<Txn> txns) {
        StringBuilder s = new StringBuilder(String.join(",", layout.headers().stream()
                .map(h -> h.contains(",") ? "\"" + h + "\"" : h).toList())).append('\n');
        List<BigDecimal> bal = balances(opening, txns);
        for (int i = 0; i < txns.size(); i++) {
            Txn t = txns.get(i);
            List<String> cells = new ArrayList<>();
            for (BankLayouts.Col c : layout.columns()) {
                cells.add(switch (c.field()) {
                    case TXN_DATE -> t.at().toLocalDate().toString();
                    case TXN_TIME -> t.at().format(DASHED);
                    case VALUE_DATE -> "";
                    case DIRECTION -> t.in() ? "贷" : "借";
                    case AMOUNT -> layout.columns().stream().anyMatch(x -> x.field() == StatementField.DIRECTION)
                            ? t.amount() : t.signed().toPlainString();
                    case DEBIT_AMOUNT -> t.in() ? "" : t.amount();
                    case CREDIT_AMOUNT -> t.in() ? t.amount() : "";
                    case COUNTERPARTY_NAME -> nz(t.counterparty());
                    case COUNTERPARTY_ACCOUNT -> nz(t.counterpartyAccount());
                    case PAYER_NAME -> t.in() ? nz(t.counterparty()) : holder;
                    case PAYER_ACCOUNT -> t.in() ? nz(t.counterpartyAccount()) : accountNo;
                    case PAYEE_NAME -> t.in() ? holder : nz(t.counterparty());
                    case PAYEE_ACCOUNT -> t.in() ? accountNo : nz(t.counterpartyAccount());
                    case BANK_SERIAL_NO -> t.serial();
                    case VOUCHER_NO -> nz(t.voucher());
                    case BALANCE_AFTER -> bal.get(i).toPlainString();
                    case MEMO -> c.header().startsWith("摘要") ? nz(t.memo()) : "";
                    case OWN_ACCOUNT -> accountNo;
                    case OWN_NAME -> holder;
                    case CURRENCY -> "人民币";
                    case IGNORE -> "x";
                });
            }
            s.append(String.join(",", cells)).append('\n');
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void titleRows(Sheet sheet, int width, String title, String account) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
        sheet.createRow(1).createCell(0).setCellValue(account);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
        sheet.createRow(2).createCell(0).setCellValue("查询期间：2023-06-01 至 2023-06-30");
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 5));
    }

    private static void header(Sheet sheet, int r, String[] header) {
        Row h = sheet.createRow(r);
        for (int i = 0; i < header.length; i++) {
            h.createCell(i).setCellValue(header[i]);
        }
    }

    private static CellStyle dateStyle(Workbook book, String format) {
        CellStyle s = book.createCellStyle();
        s.setDataFormat(book.getCreationHelper().createDataFormat().getFormat(format));
        return s;
    }

    private static byte[] write(Workbook book) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }

    private static String sum(List<Txn> txns, boolean in) {
        return txns.stream().filter(t -> t.in() == in).map(t -> new BigDecimal(t.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    private static String quoted(String amount) {
        return "\"" + new java.text.DecimalFormat("#,##0.00").format(new BigDecimal(amount)) + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static LocalTime noon() {
        return LocalTime.NOON;
    }

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }
}
