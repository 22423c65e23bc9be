package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import static cn.baojiaolou.reports.ReportColumn.integer;
import static cn.baojiaolou.reports.ReportColumn.percent;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 专项借款汇总表: by district — projects, allocated, paid, principal repaid, outstanding, interest paid, homes
 * delivered and 化解率 (closed projects ÷ projects) — as of the business date; the basis of the weekly and monthly
 * reports. One set-based query; the totals row adds the districts' 元 figures.
 */
@Service
public class LoanSummaryReport implements ReportAssembler {

    private final ReportMapper reports;
    private final FacilityTermSections terms;

    LoanSummaryReport(ReportMapper reports, FacilityTermSections terms) {
        this.reports = reports;
        this.terms = terms;
    }

    /** A district's line, and the figures the API answers (GET /api/v1/reports/summary). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SummaryLine")
    public record Line(String districtCode, String districtName, long projects, long closedProjects,
                       BigDecimal allocated, BigDecimal paid, BigDecimal principalRepaid, BigDecimal outstanding,
                       BigDecimal interestPaid, long homesDelivered, long homesTotal, BigDecimal resolutionRate) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SUMMARY;
    }

    @PreAuthorize(Authorities.SIGNED_IN)
    public List<Line> lines(ReportContext c) {
        List<Line> lines = new ArrayList<>();
        for (ReportMapper.DistrictTotals t : reports.districtTotals(c.businessDate(), c.districtId())) {
            lines.add(line(t.districtCode(), t.districtName(), t.projects(), t.closedProjects(), t.allocated(),
                    t.paid(), t.principalRepaid(), t.interestPaid(), t.homesDelivered(), t.homesTotal()));
        }
        return lines;
    }

    /** The totals line over all districts of the report. */
    public static Line total(List<Line> lines, String label) {
        return line(null, label, lines.stream().mapToLong(Line::projects).sum(),
                lines.stream().mapToLong(Line::closedProjects).sum(), sum(lines, Line::allocated),
                sum(lines, Line::paid), sum(lines, Line::principalRepaid), sum(lines, Line::interestPaid),
                lines.stream().mapToLong(Line::homesDelivered).sum(), lines.stream().mapToLong(Line::homesTotal).sum());
    }

    @Override
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        ReportMessages messages = new ReportMessages(c.locale());
        List<Line> lines = lines(c);
        Line total = total(lines, messages.get("label.total"));
        List<List<Object>> rows = lines.stream().map(LoanSummaryReport::row).toList();
        ReportSection section = new ReportSection("districts", ReportText.of("section.byDistrict"),
                // widths so that no header breaks before its closing bracket (已付利息含罚息（万元）is the longest)
                List.of(text("col.district", 6), integer("col.projects", 3), integer("col.closedProjects", 3),
                        wanYuan("col.allocated", 6), wanYuan("col.paid", 6), wanYuan("col.repaid", 6),
                        wanYuan("col.outstanding", 6), wanYuan("col.interestPaidWan", 8), text("col.homes", 5),
                        percent("col.resolutionRate", 4)),
                rows, row(total));
        List<ReportSection> sections = new ArrayList<>();
        sections.add(section);
        // the facilities the districts' projects draw on, at the terms of the day (a 展期 or a new rate included)
        sections.addAll(FacilityTermSections.sections(terms.read(c.businessDate(), c.districtId(), null), messages,
                ReportText.of("section.facilityTerms"), ReportText.of("section.termChanges")));
        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), c.businessDate(), c.dataAsOf(),
                c.reportNumber(), ReportText.of("subject.scope", messages.resolve(c.scope())),
                List.of(ReportText.of("summary.summary", total.projects(), total.closedProjects(),
                        WanYuan.formatYuan(total.allocated()), WanYuan.formatYuan(total.paid()),
                        WanYuan.formatYuan(total.principalRepaid()), WanYuan.formatYuan(total.outstanding()),
                        WanYuan.formatYuan(total.interestPaid()), total.homesDelivered(), total.homesTotal())));
        return new ReportDocument(header, sections);
    }

    private static List<Object> row(Line l) {
        return List.of(l.districtName(), l.projects(), l.closedProjects(), l.allocated(), l.paid(),
                l.principalRepaid(), l.outstanding(), l.interestPaid(), l.homesDelivered() + " / " + l.homesTotal(),
                l.resolutionRate());
    }

    private static Line line(String code, String name, long projects, long closed, BigDecimal allocated,
                             BigDecimal paid, BigDecimal repaid, BigDecimal interest, long delivered, long homes) {
        // 化解率 as a ratio rounded half-up to 4 places (two decimals of a percent), here and nowhere else
        BigDecimal rate = projects == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(projects), 4, RoundingMode.HALF_UP);
        return new Line(code, name, projects, closed, fen(allocated), fen(paid), fen(repaid),
                fen(paid.subtract(repaid)), fen(interest), delivered, homes, rate);
    }

    private static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<Line> lines, java.util.function.Function<Line, BigDecimal> field) {
        return lines.stream().map(field).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
