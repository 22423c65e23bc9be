package cn.baojiaolou.loan.onboarding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 台账 workbook template (issue 12): the sheets a bureau's Excel ledger is brought in with, their columns, the
 * variants of each column name that are accepted, and which are required. The one definition the reader
 * ({@link LedgerWorkbook}), the template download and the export ({@link LedgerExport}) share, and what the README
 * documents. Amounts are 元 (a header saying 万元 is read as 万元 and multiplied by 10,000); dates are date cells or
 * YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, YYYY年M月D日; percentages are 20, 20% or a percent-formatted cell.
 */
public final class LedgerTemplate {

    public enum Kind { TEXT, CODE, AMOUNT, DATE, INTEGER, PERCENT, RATE }

    /** A column: its key in code, the header the template writes, its kind, whether required, its longest text. */
    public record Col(String key, String header, Kind kind, boolean required, int max, List<String> variants) {

        boolean names(String cell) {
            String n = normalise(cell);
            return n.equals(normalise(header)) || variants.stream().anyMatch(v -> normalise(v).equals(n));
        }
    }

    /** A sheet: its name as the template writes it, other names accepted, what one row is, its columns. */
    public record SheetDef(String name, List<String> aliases, String row, List<Col> columns) {

        boolean names(String sheetName) {
            String n = normalise(sheetName);
            return n.equals(normalise(name)) || aliases.stream().anyMatch(a -> normalise(a).equals(n));
        }

        public Optional<Col> column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst();
        }
    }

    private static Col req(String key, String header, Kind kind, int max, String... variants) {
        return new Col(key, header, kind, true, max, List.of(variants));
    }

    private static Col opt(String key, String header, Kind kind, int max, String... variants) {
        return new Col(key, header, kind, false, max, List.of(variants));
    }

    private static final Kind T = Kind.TEXT;
    private static final Kind C = Kind.CODE;
    private static final Kind A = Kind.AMOUNT;
    private static final Kind D = Kind.DATE;

    public static final SheetDef FACILITIES = new SheetDef("借款批次", List.of("批次", "专项借款批次", "借款批次表"),
            "一个借款批次（保交楼专项借款）", List.of(
            req("code", "批次编号", C, 32, "借款批次编号", "批次代码", "借款编号"),
            req("name", "批次名称", T, 128, "名称", "借款批次名称"),
            req("lender", "贷款银行", T, 128, "贷款行", "出借人", "借款银行"),
            req("borrower", "借款人", T, 128, "借款主体", "承贷主体"),
            opt("accountNo", "专户账号", T, 40, "专项借款专户", "专户", "账号"),
            req("amount", "借款金额（元）", A, 0, "借款金额", "批次金额", "金额", "授信金额"),
            req("rate", "年利率", Kind.RATE, 0, "利率", "执行利率"),
            req("startDate", "起始日", D, 0, "借款起始日", "起息日", "放款日", "开始日期"),
            req("maturityDate", "到期日", D, 0, "借款到期日", "到期日期"),
            opt("penaltyMarkup", "罚息上浮", Kind.RATE, 0, "罚息上浮比例")));

    public static final SheetDef DRAWDOWNS = new SheetDef("提款", List.of("提款记录", "提款明细"),
            "一笔提款（贷款银行 → 专户）", List.of(
            req("facility", "批次编号", C, 32, "借款批次编号", "借款批次"),
            req("valueDate", "提款日期", D, 0, "提款日", "到账日期", "日期"),
            req("amount", "提款金额（元）", A, 0, "提款金额", "金额"),
            req("voucherNo", "凭证号", C, 32, "记账凭证号", "凭证编号")));

    public static final SheetDef CENTRAL_REPAYMENTS = new SheetDef("统还", List.of("统还记录", "归还贷款", "还本付息"),
            "一笔统还（专户 → 贷款银行）", List.of(
            req("facility", "批次编号", C, 32, "借款批次编号", "借款批次"),
            req("valueDate", "还款日期", D, 0, "统还日期", "日期"),
            opt("principal", "归还本金（元）", A, 0, "归还本金", "本金"),
            opt("interest", "支付利息（元）", A, 0, "支付利息", "利息"),
            req("voucherNo", "凭证号", C, 32, "记账凭证号", "凭证编号")));

    public static final SheetDef PROJECTS = new SheetDef("项目", List.of("项目清单", "项目台账", "问题楼盘"),
            "一个项目（问题楼盘）", List.of(
            req("code", "项目编号", C, 32, "项目代码", "编号"),
            req("name", "项目名称", T, 128, "名称", "楼盘名称"),
            req("district", "区县", T, 64, "所属区县", "区域", "县市区"),
            req("developer", "开发商", T, 128, "开发企业", "房地产开发企业"),
            opt("developerAccountNo", "开发商账号", T, 40, "开发企业账号"),
            opt("contractor", "总包单位", T, 128, "施工单位", "总承包单位"),
            req("totalUnits", "总套数", Kind.INTEGER, 0, "套数", "总户数"),
            opt("fundingGap", "资金缺口（元）", A, 0, "资金缺口"),
            opt("expectedDelivery", "预计交付日期", D, 0, "计划交付日期", "预计交付"),
            opt("status", "状态", T, 16, "项目状态"),
            opt("planText", "一楼一策", T, 4000, "一楼一策方案", "处置方案"),
            opt("official", "包保领导", T, 64, "责任领导"),
            opt("taskForce", "工作专班", T, 255, "专班")));

    public static final SheetDef PAYEES = new SheetDef("收款人", List.of("收款单位", "收款人名单"),
            "一个项目登记的收款人", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            req("name", "收款人名称", T, 128, "户名", "收款单位", "名称"),
            req("accountNo", "收款账号", T, 40, "账号", "收款人账号"),
            req("bankName", "开户行", T, 128, "开户银行", "收款银行"),
            req("kind", "类型", T, 16, "收款人类型", "类别")));

    public static final SheetDef ALLOCATIONS = new SheetDef("额度分配", List.of("额度核定", "额度"),
            "一笔额度核定（借款批次 → 项目）", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            req("facility", "批次编号", C, 32, "借款批次编号", "借款批次"),
            req("amount", "分配金额（元）", A, 0, "分配金额", "核定额度", "额度", "金额"),
            req("approvalRef", "批复文号", T, 64, "文号", "批复文件"),
            req("approvedOn", "批复日期", D, 0, "核定日期", "日期")));

    public static final SheetDef MILESTONES = new SheetDef("工程节点", List.of("节点", "拨付节点"),
            "一个工程节点（按顺序，累计拨付比例递增）", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            req("seq", "序号", Kind.INTEGER, 0, "节点序号"),
            req("name", "节点名称", T, 64, "节点", "名称"),
            req("plannedDate", "计划日期", D, 0, "计划完成日期"),
            req("capPercent", "累计拨付比例", Kind.PERCENT, 0, "累计比例", "拨付比例", "比例")));

    public static final SheetDef VERIFICATIONS = new SheetDef("节点核验", List.of("核验", "节点验收"),
            "一个节点的核验（复核人核验）", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            req("seq", "节点序号", Kind.INTEGER, 0, "序号"),
            req("verifiedOn", "核验日期", D, 0, "验收日期", "日期"),
            req("inspector", "监理/核验人员", T, 64, "监理", "核验人", "监理工程师", "核验人员"),
            req("evidenceRef", "证明材料", T, 128, "监理报告编号", "佐证材料", "证据"),
            opt("unitsDelivered", "交付套数", Kind.INTEGER, 0, "本次交付套数", "交付户数"),
            opt("reviewer", "复核人", T, 64, "审核人"),
            opt("recordedOn", "登记日期", D, 0, "录入日期")));

    public static final SheetDef DISBURSEMENTS = new SheetDef("拨付", List.of("拨付明细", "资金拨付", "支付明细"),
            "一笔拨付（专户 → 收款人）", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            opt("facility", "批次编号", C, 32, "借款批次编号", "借款批次"),
            req("payeeAccount", "收款账号", T, 40, "收款人账号", "账号"),
            req("seq", "节点序号", Kind.INTEGER, 0, "对应节点", "序号"),
            req("purpose", "用途", T, 16, "款项用途", "资金用途"),
            req("amount", "拨付金额（元）", A, 0, "拨付金额", "金额"),
            opt("status", "状态", T, 16, "拨付状态"),
            opt("requestedOn", "申请日期", D, 0, "申请日"),
            opt("paidOn", "付款日期", D, 0, "拨付日期", "支付日期"),
            opt("voucherNo", "凭证号", C, 32, "记账凭证号", "凭证编号"),
            opt("maker", "经办人", T, 64, "申请人", "制单人"),
            opt("checker", "复核人", T, 64, "审批人", "审核人"),
            opt("rejectReason", "驳回原因", T, 500),
            opt("reversedOn", "冲正日期", D, 0),
            opt("reversalReason", "冲正原因", T, 500)));

    public static final SheetDef REPAYMENTS = new SheetDef("项目还款", List.of("还款", "回款", "售房款还款"),
            "一笔项目还款（售房款 → 专户）", List.of(
            req("project", "项目编号", C, 32, "项目代码"),
            req("valueDate", "还款日期", D, 0, "回款日期", "日期"),
            req("amount", "还款金额（元）", A, 0, "还款金额", "金额"),
            req("voucherNo", "凭证号", C, 32, "记账凭证号", "凭证编号")));

    /** In the template's order; also the order undated rows are created in. */
    public static final List<SheetDef> SHEETS = List.of(FACILITIES, DRAWDOWNS, CENTRAL_REPAYMENTS, PROJECTS, PAYEES,
            ALLOCATIONS, MILESTONES, VERIFICATIONS, DISBURSEMENTS, REPAYMENTS);

    /** 项目状态 as the workbook writes it. */
    public static final List<List<String>> PROJECT_STATUS = List.of(List.of("STOPPED", "停工"),
            List.of("RESUMED", "复工", "续建"), List.of("COMPLETED", "竣工"), List.of("DELIVERED", "交付", "已交付"),
            List.of("CLOSED", "销号", "已销号"));
    /** 收款人类型 as the workbook writes it. */
    public static final List<List<String>> PAYEE_KIND = List.of(List.of("CONTRACTOR", "施工单位", "总包单位", "承包商"),
            List.of("SUPPLIER", "供应商", "材料供应商"), List.of("WAGE_ACCOUNT", "农民工工资专户", "工资专户"),
            List.of("DEVELOPER", "开发商", "开发企业"));
    /** 拨付状态 as the workbook writes it; empty means 已付款 when there is a 付款日期. */
    public static final List<List<String>> DISBURSEMENT_STATUS = List.of(List.of("REQUESTED", "待复核", "待审批"),
            List.of("APPROVED", "已审批", "已复核"), List.of("REJECTED", "已驳回"), List.of("PAID", "已付款", "已拨付"),
            List.of("REVERSED", "已冲正"));

    private static final Pattern NOISE = Pattern.compile("[\\s_\\-./()（）:：*＊\\uFEFF]");
    /** The unit a header may carry: 借款金额（元）, 借款金额（万元）, 累计拨付比例（%） all name their column. */
    private static final Pattern UNIT = Pattern.compile("[（(](万元|元|%|％)[）)]");

    private LedgerTemplate() {
    }

    /** The enum name a workbook word stands for in {@code table} (either the name or one of its words), or null. */
    static String code(List<List<String>> table, String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip();
        for (List<String> entry : table) {
            if (entry.stream().anyMatch(e -> e.equalsIgnoreCase(w))) {
                return entry.get(0);
            }
        }
        return null;
    }

    /** The first word of a code in {@code table} (the Chinese one the template writes). */
    static String word(List<List<String>> table, String code) {
        return table.stream().filter(e -> e.get(0).equals(code)).map(e -> e.get(1)).findFirst().orElse(code);
    }

    static String words(List<List<String>> table) {
        return String.join("、", table.stream().map(e -> e.get(1)).toList());
    }

    /** Header and sheet names as compared: lower case, without their unit, blanks and punctuation. */
    static String normalise(String s) {
        String t = UNIT.matcher(s == null ? "" : s.strip()).replaceAll("");
        return NOISE.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** A header written in 万元: its amounts are multiplied by 10,000 on reading. */
    static boolean inWan(String header) {
        return header != null && header.contains("万元");
    }
}
