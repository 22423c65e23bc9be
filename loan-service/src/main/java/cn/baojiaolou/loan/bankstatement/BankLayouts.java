package cn.baojiaolou.loan.bankstatement;

import static cn.baojiaolou.loan.bankstatement.StatementField.BALANCE_AFTER;
import static cn.baojiaolou.loan.bankstatement.StatementField.BANK_SERIAL_NO;
import static cn.baojiaolou.loan.bankstatement.StatementField.COUNTERPARTY_ACCOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.COUNTERPARTY_NAME;
import static cn.baojiaolou.loan.bankstatement.StatementField.CREDIT_AMOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.CURRENCY;
import static cn.baojiaolou.loan.bankstatement.StatementField.DEBIT_AMOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.DIRECTION;
import static cn.baojiaolou.loan.bankstatement.StatementField.IGNORE;
import static cn.baojiaolou.loan.bankstatement.StatementField.MEMO;
import static cn.baojiaolou.loan.bankstatement.StatementField.OWN_ACCOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.OWN_NAME;
import static cn.baojiaolou.loan.bankstatement.StatementField.PAYEE_ACCOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.PAYEE_NAME;
import static cn.baojiaolou.loan.bankstatement.StatementField.PAYER_ACCOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.PAYER_NAME;
import static cn.baojiaolou.loan.bankstatement.StatementField.TXN_DATE;
import static cn.baojiaolou.loan.bankstatement.StatementField.TXN_TIME;
import static cn.baojiaolou.loan.bankstatement.StatementField.AMOUNT;
import static cn.baojiaolou.loan.bankstatement.StatementField.VALUE_DATE;
import static cn.baojiaolou.loan.bankstatement.StatementField.VOUCHER_NO;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in export layouts of the banks a 保交楼 专户 is kept with. Each is the header of the bank's corporate
 * online-banking "account detail" export as publicly described, with the variants seen for each column; all of them
 * are inferred (none was checked against a real export file: see the README). A header matches a layout when every
 * one of its non-blank cells is a name the layout knows; the layout that knows the most cells wins. A bank that adds
 * a column breaks the match on purpose: the accountant maps the new header once ({@code bank_statement_mapping}).
 *
 * <p>To add a layout: add a {@link BankLayout} to {@link #ALL} (its published header first, then variants), add a
 * test file built the way that bank builds it, and list it in the README.
 */
public final class BankLayouts {

    /** One column of a layout: the header as published, the field, and other names banks use for it. */
    public record Col(String header, StatementField field, List<String> variants) {
    }

    /** A bank's layout: {@code headers()} is the published header in order (what a test file is built from). */
    public record BankLayout(String code, String bank, String export, List<Col> columns) {

        public List<String> headers() {
            return columns.stream().map(Col::header).toList();
        }

        /** Normalised header name → field, for every name and variant of the layout. */
        Map<String, StatementField> vocabulary() {
            Map<String, StatementField> known = VOCABULARIES == null ? null : VOCABULARIES.get(code);
            return known != null ? known : names();
        }

        private Map<String, StatementField> names() {
            Map<String, StatementField> names = new LinkedHashMap<>();
            for (Col c : columns) {
                names.putIfAbsent(Column.normalise(c.header()), c.field());
                for (String v : c.variants()) {
                    names.putIfAbsent(Column.normalise(v), c.field());
                }
            }
            return names;
        }

        /** The layout for this header, or null when a non-blank cell is a name the layout does not know. */
        StatementLayout match(List<String> cells) {
            Map<String, StatementField> names = vocabulary();
            List<StatementField> fields = new ArrayList<>();
            for (String cell : cells) {
                if (cell.isBlank()) {
                    fields.add(IGNORE);
                    continue;
                }
                StatementField f = names.get(Column.normalise(cell));
                if (f == null) {
                    return null;
                }
                fields.add(f);
            }
            return StatementLayout.problems(fields).isEmpty() ? new StatementLayout(code, bank + " · " + export,
                    fields) : null;
        }
    }

    private static Col col(String header, StatementField field, String... variants) {
        return new Col(header, field, List.of(variants));
    }

    /** 中国工商银行 企业网上银行 · 账户历史明细 (CSV / XLS): 借方发生额 / 贷方发生额, 交易时间 as date and time. */
    public static final BankLayout ICBC = new BankLayout("ICBC", "中国工商银行", "企业网银账户历史明细", List.of(
            col("凭证号", VOUCHER_NO, "凭证号码"),
            col("本方账号", OWN_ACCOUNT, "账号"),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("交易时间", TXN_TIME, "交易日期时间"),
            col("借/贷", DIRECTION, "借贷标志"),
            col("借方发生额", DEBIT_AMOUNT),
            col("贷方发生额", CREDIT_AMOUNT),
            col("对方行号", IGNORE, "对方行名"),
            col("摘要", MEMO),
            col("用途", MEMO),
            col("对方单位名称", COUNTERPARTY_NAME, "对方户名", "对方单位"),
            col("余额", BALANCE_AFTER),
            col("个性化信息", MEMO, "附言"),
            col("交易流水号", BANK_SERIAL_NO, "流水号"),
            col("币种", CURRENCY)));

    /** 中国建设银行 企业网上银行 · 账户明细查询 (XLS / XLSX): 借方发生额（支取）/ 贷方发生额（收入）. */
    public static final BankLayout CCB = new BankLayout("CCB", "中国建设银行", "企业网银账户明细", List.of(
            col("交易时间", TXN_TIME),
            col("借方发生额（支取）", DEBIT_AMOUNT, "借方发生额"),
            col("贷方发生额（收入）", CREDIT_AMOUNT, "贷方发生额"),
            col("余额", BALANCE_AFTER, "账户余额"),
            col("币种", CURRENCY),
            col("对方户名", COUNTERPARTY_NAME),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("对方开户机构", IGNORE, "对方开户行"),
            col("记账日期", TXN_DATE),
            col("摘要", MEMO),
            col("备注", MEMO),
            col("账户明细编号-交易流水号", BANK_SERIAL_NO, "交易流水号"),
            col("企业流水号", IGNORE),
            col("凭证种类", IGNORE),
            col("凭证号", VOUCHER_NO)));

    /** 中国农业银行 企业网上银行 · 账户明细 (TXT, tab-separated): 收入金额 / 支出金额, dates as YYYYMMDD. */
    public static final BankLayout ABC = new BankLayout("ABC", "中国农业银行", "企业网银账户明细", List.of(
            col("交易日期", TXN_DATE),
            col("交易时间", TXN_TIME),
            col("收入金额", CREDIT_AMOUNT, "收入"),
            col("支出金额", DEBIT_AMOUNT, "支出"),
            col("本次余额", BALANCE_AFTER, "账户余额"),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("对方户名", COUNTERPARTY_NAME),
            col("对方开户行", IGNORE),
            col("交易渠道", IGNORE, "交易方式"),
            col("交易用途", MEMO),
            col("摘要", MEMO),
            col("交易附言", MEMO),
            col("交易流水号", BANK_SERIAL_NO, "日志号"),
            col("凭证号", VOUCHER_NO)));

    /**
     * 中国银行 企业网上银行 · 交易明细 (XLS / XLSX), headers with their English gloss: 付款人 / 收款人 columns, a signed
     * 交易金额 (negative = out of the 专户).
     */
    public static final BankLayout BOC = new BankLayout("BOC", "中国银行", "企业网银交易明细", List.of(
            col("交易类型[ Transaction Type ]", IGNORE),
            col("业务类型[ Business type ]", IGNORE),
            col("付款人开户行号[ Payer account bank ]", IGNORE),
            col("付款人开户行名[ Payer account bank name ]", IGNORE),
            col("付款人账号[ Debit Account No. ]", PAYER_ACCOUNT),
            col("付款人名称[ Payer's Name ]", PAYER_NAME),
            col("收款人开户行号[ Beneficiary account bank ]", IGNORE),
            col("收款人开户行名[ Beneficiary account bank name ]", IGNORE),
            col("收款人账号[ Payee's Account Number ]", PAYEE_ACCOUNT),
            col("收款人名称[ Payee's Name ]", PAYEE_NAME),
            col("交易日期[ Transaction Date ]", TXN_DATE),
            col("交易时间[ Transaction time ]", TXN_TIME),
            col("交易货币[ Trade Currency ]", CURRENCY),
            col("交易金额[ Trade Amount ]", AMOUNT),
            col("交易后余额[ After-transaction balance ]", BALANCE_AFTER),
            col("起息日期[ Value Date ]", VALUE_DATE),
            col("汇率[ Exchange rate ]", IGNORE),
            col("交易流水号[ Transaction reference number ]", BANK_SERIAL_NO),
            col("客户申请号[ Online Banking Serial Number ]", IGNORE),
            col("客户业务编号[ Customer Transaction Ref ]", IGNORE),
            col("凭证类型[ Type of Vouchers ]", IGNORE),
            col("凭证号码[ Vouchers Number ]", VOUCHER_NO),
            col("记录标识号[ Record ID ]", IGNORE),
            col("摘要[ Reference ]", MEMO),
            col("用途[ Purpose ]", MEMO),
            col("交易附言[ Remark ]", MEMO),
            col("备注[ Remarks ]", MEMO)));

    /** 交通银行 企业网上银行 · 账户交易明细 (XLS): 发生额 with a 借贷标志 (借 / 贷). */
    public static final BankLayout BOCOM = new BankLayout("BOCOM", "交通银行", "企业网银账户交易明细", List.of(
            col("交易日期", TXN_DATE),
            col("交易时间", TXN_TIME),
            col("业务类型", IGNORE),
            col("借贷标志", DIRECTION, "借贷"),
            col("发生额", AMOUNT, "交易金额"),
            col("余额", BALANCE_AFTER),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("对方户名", COUNTERPARTY_NAME),
            col("对方行名", IGNORE),
            col("凭证种类", IGNORE),
            col("凭证号码", VOUCHER_NO),
            col("摘要", MEMO),
            col("附言", MEMO),
            col("会计流水号", BANK_SERIAL_NO, "流水号")));

    /** 国家开发银行 网上银行 · 账户明细 (XLS / CSV): 借方金额 / 贷方金额, a 记账日期 and a 交易日期. */
    public static final BankLayout CDB = new BankLayout("CDB", "国家开发银行", "网上银行账户明细", List.of(
            col("交易日期", TXN_DATE),
            col("记账日期", VALUE_DATE, "起息日期"),
            col("交易流水号", BANK_SERIAL_NO),
            col("借方金额", DEBIT_AMOUNT),
            col("贷方金额", CREDIT_AMOUNT),
            col("余额", BALANCE_AFTER),
            col("对方户名", COUNTERPARTY_NAME),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("对方开户行", IGNORE),
            col("凭证号", VOUCHER_NO),
            col("摘要", MEMO),
            col("用途", MEMO)));

    /** 中国农业发展银行 网上银行 · 账户明细 (XLS / XLSX): 借方发生额 / 贷方发生额, 账户余额, 币种. */
    public static final BankLayout ADBC = new BankLayout("ADBC", "中国农业发展银行", "网上银行账户明细", List.of(
            col("交易日期", TXN_DATE),
            col("交易时间", TXN_TIME),
            col("交易流水号", BANK_SERIAL_NO),
            col("摘要", MEMO),
            col("借方发生额", DEBIT_AMOUNT),
            col("贷方发生额", CREDIT_AMOUNT),
            col("账户余额", BALANCE_AFTER),
            col("对方账号", COUNTERPARTY_ACCOUNT),
            col("对方户名", COUNTERPARTY_NAME),
            col("对方行名", IGNORE),
            col("凭证号码", VOUCHER_NO),
            col("附言", MEMO),
            col("币种", CURRENCY),
            col("本方户名", OWN_NAME)));

    public static final List<BankLayout> ALL = List.of(ICBC, CCB, ABC, BOC, BOCOM, CDB, ADBC);

    private static final Map<String, Map<String, StatementField>> VOCABULARIES = vocabularies();

    private static Map<String, Map<String, StatementField>> vocabularies() {
        Map<String, Map<String, StatementField>> all = new LinkedHashMap<>();
        for (BankLayout l : ALL) {
            all.put(l.code(), Map.copyOf(l.names()));
        }
        return Map.copyOf(all);
    }

    private BankLayouts() {
    }

    /** The layout of the bank that knows every cell of {@code cells}, preferring the one that knows the most. */
    static StatementLayout match(List<String> cells) {
        StatementLayout best = null;
        int bestKnown = -1;
        for (BankLayout layout : ALL) {
            StatementLayout m = layout.match(cells);
            if (m != null) {
                int known = (int) m.fields().stream().filter(f -> f != IGNORE).count();
                if (known > bestKnown) {
                    best = m;
                    bestKnown = known;
                }
            }
        }
        return best;
    }

    /** Every name any layout knows (for finding the header row among the title lines above it). */
    static boolean knows(String cell) {
        if (cell.isBlank()) {
            return false;
        }
        String n = Column.normalise(cell);
        return Column.named(cell) != null || ALL.stream().anyMatch(l -> l.vocabulary().containsKey(n));
    }

    /** The field a header cell most likely holds, for the mapping page's first guess (IGNORE when none). */
    static StatementField guess(String cell) {
        Column c = Column.named(cell);
        if (c != null) {
            return c.target();
        }
        String n = Column.normalise(cell);
        for (BankLayout l : ALL) {
            StatementField f = l.vocabulary().get(n);
            if (f != null) {
                return f;
            }
        }
        return IGNORE;
    }
}
