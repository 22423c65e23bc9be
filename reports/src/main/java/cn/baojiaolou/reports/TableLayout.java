package cn.baojiaolou.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one section on the page: their widths in points (together exactly the page's width) and their
 * alignment (numbers right, text left). Derived from the columns' weights, so two sections with the same columns
 * share a layout.
 */
record TableLayout(List<Integer> widths, String align) {

    /** A4 landscape, 20 pt margins. */
    static final int PAGE_WIDTH = 802;

    static TableLayout of(List<ReportColumn> columns) {
        int sum = columns.stream().mapToInt(ReportColumn::weight).sum();
        List<Integer> widths = new ArrayList<>(columns.size());
        StringBuilder align = new StringBuilder();
        int used = 0;
        for (int i = 0; i < columns.size(); i++) {
            ReportColumn c = columns.get(i);
            // the last column takes what rounding left over: the table is exactly as wide as the page
            int w = i == columns.size() - 1 ? PAGE_WIDTH - used : c.weight() * PAGE_WIDTH / sum;
            widths.add(w);
            used += w;
            align.append(c.type().numeric() ? 'R' : 'L');
        }
        return new TableLayout(List.copyOf(widths), align.toString());
    }

    String signature() {
        return widths + align;
    }
}
