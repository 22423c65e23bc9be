package cn.baojiaolou.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * What every report prints around its tables. No wall-clock time: {@code dataAsOf} is derived from the data, so two
 * prints of the same data are byte-identical. {@code subject} (a project's code and name) repeats on every page.
 */
public record ReportHeader(ReportKind kind, String issuingUnit, LocalDate businessDate, String dataAsOf,
                           String reportNumber, ReportText subject, List<ReportText> summary) {

    public ReportHeader {
        summary = List.copyOf(summary);
    }
}
