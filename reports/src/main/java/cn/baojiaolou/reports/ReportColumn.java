package cn.baojiaolou.reports;

/**
 * A column: its header (a message key), how its values are shown, and its relative width. A section's columns share
 * the page's width in proportion to their weights, so a payee or a 说明 gets the room it needs and a date no more.
 */
public record ReportColumn(String headerKey, ColumnType type, int weight) {

    public ReportColumn {
        if (weight < 1) {
            throw new IllegalArgumentException("a column's weight is at least 1: " + headerKey);
        }
    }

    public ReportColumn(String headerKey, ColumnType type) {
        this(headerKey, type, type.defaultWeight());
    }

    public static ReportColumn text(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.TEXT);
    }

    public static ReportColumn text(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.TEXT, weight);
    }

    public static ReportColumn date(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.DATE);
    }

    public static ReportColumn date(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.DATE, weight);
    }

    public static ReportColumn integer(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.INTEGER);
    }

    public static ReportColumn integer(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.INTEGER, weight);
    }

    public static ReportColumn wanYuan(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.WAN_YUAN);
    }

    public static ReportColumn wanYuan(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.WAN_YUAN, weight);
    }

    public static ReportColumn yuan(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.YUAN);
    }

    public static ReportColumn yuan(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.YUAN, weight);
    }

    public static ReportColumn percent(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.PERCENT);
    }

    public static ReportColumn percent(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.PERCENT, weight);
    }

    /** An annual rate, shown to its last decimal (3.125%), not rounded to two like a {@link #percent}. */
    public static ReportColumn rate(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.RATE);
    }

    public static ReportColumn rate(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.RATE, weight);
    }

    /** An amount in 元 written in 人民币大写 (壹佰元整), as on a payment order. */
    public static ReportColumn uppercase(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.RMB_UPPERCASE);
    }

    public static ReportColumn uppercase(String headerKey, int weight) {
        return new ReportColumn(headerKey, ColumnType.RMB_UPPERCASE, weight);
    }
}
