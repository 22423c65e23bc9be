package cn.baojiaolou.loan.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportNumbers;
import cn.baojiaolou.reports.ReportText;

/**
 * A checked report request: the user may see the project or district, the dates are in order and in the past.
 * {@code parameters} is what identifies the report (and derives its number): only the parameters the report uses.
 */
public record ReportContext(ReportKind kind, LocalDate businessDate, LocalDate from, LocalDate to, Project project,
                            District district, Locale locale, Map<String, String> parameters, String issuingUnit) {

    public String reportNumber() {
        return ReportNumbers.derive(kind, businessDate, parameters);
    }

    public String canonical() {
        return ReportNumbers.canonical(kind, businessDate, parameters);
    }

    public Long districtId() {
        return district == null ? null : district.id();
    }

    /** 零陵区, or 全市 for a city-wide report. */
    public ReportText scope() {
        return district == null ? ReportText.of("scope.city") : ReportText.literal(district.name());
    }

    /** The data is as of the end of the business date, Beijing time: never the wall clock. */
    public String dataAsOf() {
        return new ReportMessages(locale).get("label.dataAsOfEnd", businessDate.toString());
    }
}
