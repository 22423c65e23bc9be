package cn.baojiaolou.reports;

import java.util.List;

/**
 * One table of a report: a title, up to {@value #MAX_COLUMNS} columns, its rows and an optional totals row.
 * Values are raw (BigDecimal 元, LocalDate, Long, String); PDF and XLSX format them the same way from here,
 * so both show the same figures. Totals are computed by the caller in 元, never summed from rounded 万元.
 */
public record ReportSection(String key, ReportText title, List<ReportColumn> columns, List<List<Object>> rows,
                            List<Object> totals) {

    public static final int MAX_COLUMNS = 12;

    public ReportSection {
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("a report section has 1 to " + MAX_COLUMNS + " columns: " + key);
        }
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells in section " + key);
            }
        }
        if (totals != null && totals.size() != columns.size()) {
            throw new IllegalArgumentException("totals of " + totals.size() + " cells in section " + key);
        }
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }
}
