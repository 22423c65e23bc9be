package cn.baojiaolou.reports;

/** How a report column's values are shown. Amounts are always passed in 元; the report decides the unit. */
public enum ColumnType {
    TEXT(false),
    /** A {@link java.time.LocalDate} or {@link java.time.LocalDateTime}, shown ISO-style. */
    DATE(false),
    INTEGER(true),
    /** A {@link java.math.BigDecimal} in 元, shown in 万元 with two decimals (rounded half-up once, at display). */
    WAN_YUAN(true),
    /** A {@link java.math.BigDecimal} in 元, shown in 元 with two decimals. */
    YUAN(true),
    /** A {@link java.math.BigDecimal} ratio (0.5 = 50.00 %). */
    PERCENT(true);

    private final boolean numeric;

    ColumnType(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }
}
