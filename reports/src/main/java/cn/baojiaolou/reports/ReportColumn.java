package cn.baojiaolou.reports;

/** A column: its header (a message key) and how its values are shown. */
public record ReportColumn(String headerKey, ColumnType type) {

    public static ReportColumn text(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.TEXT);
    }

    public static ReportColumn date(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.DATE);
    }

    public static ReportColumn integer(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.INTEGER);
    }

    public static ReportColumn wanYuan(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.WAN_YUAN);
    }

    public static ReportColumn yuan(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.YUAN);
    }

    public static ReportColumn percent(String headerKey) {
        return new ReportColumn(headerKey, ColumnType.PERCENT);
    }
}
