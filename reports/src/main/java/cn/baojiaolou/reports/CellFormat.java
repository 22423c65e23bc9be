package cn.baojiaolou.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The PDF's text for a cell. The XLSX writes the same values as numbers instead. */
final class CellFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CellFormat() {
    }

    static String format(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case WAN_YUAN -> WanYuan.format((BigDecimal) value);
            case YUAN -> WanYuan.formatYuan((BigDecimal) value);
            case INTEGER -> value instanceof Number n ? grouping("#,##0").format(n.longValue()) : value.toString();
            // ratio → percent, rounded half-up to two decimals here, for display only
            case PERCENT -> grouping("#,##0.00").format(((BigDecimal) value).movePointRight(2)
                    .setScale(2, RoundingMode.HALF_UP)) + "%";
            case RATE -> RatePercent.format((BigDecimal) value);
            case DATE -> value instanceof LocalDateTime t ? t.format(DATE_TIME) : value.toString();
            case RMB_UPPERCASE -> RmbUppercase.of((BigDecimal) value);
            case TEXT -> value.toString();
        };
    }

    private static DecimalFormat grouping(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
