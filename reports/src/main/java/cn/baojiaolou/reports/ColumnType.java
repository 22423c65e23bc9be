package cn.baojiaolou.reports;

/** How a report column's values are shown. Amounts are always passed in 元; the report decides the unit. */
public enum ColumnType {
    TEXT(false, 3),
    /** A {@link java.time.LocalDate} or {@link java.time.LocalDateTime}, shown ISO-style. */
    DATE(false, 2),
    INTEGER(true, 1),
    /** A {@link java.math.BigDecimal} in 元, shown in 万元 with two decimals (rounded half-up once, at display). */
    WAN_YUAN(true, 2),
    /** A {@link java.math.BigDecimal} in 元, shown in 元 with two decimals. */
    YUAN(true, 2),
    /** A {@link java.math.BigDecimal} ratio (0.5 = 50.00 %). */
    PERCENT(true, 1),
    /** A {@link java.math.BigDecimal} annual rate (0.031 = 3.10 %), every decimal it has ({@link RatePercent}). */
    RATE(true, 1),
    /** A {@link java.math.BigDecimal} in 元, written in 人民币大写 ({@link RmbUppercase}); text, left-aligned. */
    RMB_UPPERCASE(false, 5);

    private final boolean numeric;
    private final int defaultWeight;

    ColumnType(boolean numeric, int defaultWeight) {
        this.numeric = numeric;
        this.defaultWeight = defaultWeight;
    }

    /** The relative width a column of this type gets unless its definition says otherwise. */
    public int defaultWeight() {
        return defaultWeight;
    }

    public boolean numeric() {
        return numeric;
    }
}
