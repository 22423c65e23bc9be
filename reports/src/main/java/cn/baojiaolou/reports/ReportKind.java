package cn.baojiaolou.reports;

import java.util.Arrays;
import java.util.Optional;

/** The reports auditors download (DOMAIN.md, "Reports auditors download"), by their URL name. */
public enum ReportKind {

    /** 项目专项借款台账: one project, every money movement with running balances. */
    PROJECT_LEDGER("project-ledger", "PL"),
    /** 对账异常日报: the exceptions of one business date. */
    EXCEPTIONS("exceptions", "EX"),
    /** 资金拨付审计报告: every disbursement of a date range with its approval trail. */
    DISBURSEMENT_AUDIT("disbursement-audit", "DA"),
    /** 专项借款汇总表: totals by district. */
    SUMMARY("summary", "SM"),
    /** 还款计划及逾期表: settled interest and principal due, paid and overdue per project. */
    REPAYMENT_SCHEDULE("repayment-schedule", "RS"),
    /** 月度台账: one project's month — opening balances, the month's movements, closing balances, 积数 and interest. */
    MONTHLY_LEDGER("monthly-ledger", "ML");

    private final String slug;
    private final String code;

    ReportKind(String slug, String code) {
        this.slug = slug;
        this.code = code;
    }

    public String slug() {
        return slug;
    }

    /** Two letters in the report number: BJL-PL-20231231-…. */
    public String code() {
        return code;
    }

    /** Message key of the title, in {@code reports/messages}. */
    public String titleKey() {
        return "report." + slug + ".title";
    }

    public static Optional<ReportKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
