package cn.baojiaolou.loan.overview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.baojiaolou.loan.report.LoanSummaryReport;
import cn.baojiaolou.loan.report.ReportContext;
import cn.baojiaolou.loan.report.ReportService;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.reports.ReportMessages;

/**
 * 首页: the 汇总表's totals by district up to now (today's rows included), open exceptions by severity, and two charts — money paid
 * against the cap unlocked by verified progress, month by month (cumulative), and homes delivered per month.
 */
@Controller
class DashboardPage {

    private final ReportService reports;
    private final LoanSummaryReport summary;
    private final DashboardMapper dashboard;

    DashboardPage(ReportService reports, LoanSummaryReport summary, DashboardMapper dashboard) {
        this.reports = reports;
        this.summary = summary;
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Model model, Locale locale) {
        ReportContext c = reports.liveSummaryContext(locale);
        List<LoanSummaryReport.Line> lines = summary.lines(c);
        model.addAttribute("businessDate", c.businessDate());
        model.addAttribute("districts", lines);
        model.addAttribute("total", LoanSummaryReport.total(lines, new ReportMessages(locale).get("label.total")));
        LoanUser user = CurrentUser.require();
        Long districtId = user.districtId();
        long serious = 0;
        long warnings = 0;
        for (DashboardMapper.SeverityCount s : dashboard.openExceptions(districtId)) {
            if ("SERIOUS".equals(s.severity())) {
                serious = s.open();
            } else {
                warnings = s.open();
            }
        }
        model.addAttribute("openSerious", serious);
        model.addAttribute("openWarnings", warnings);
        // the counts come from the last nightly close, not from today: say which day, and when it is behind
        java.time.LocalDate lastClosed = dashboard.lastClosedDay();
        model.addAttribute("lastClosed", lastClosed);
        model.addAttribute("closeStale", lastClosed == null || lastClosed.isBefore(c.businessDate().minusDays(1)));
        Map<String, BigDecimal[]> months = new TreeMap<>();
        dashboard.paidByMonth(districtId).forEach(f -> row(months, f.month())[0] = f.amount());
        dashboard.unlockedByMonth(districtId).forEach(f -> row(months, f.month())[1] = f.amount());
        List<String> labels = new ArrayList<>(months.keySet());
        List<BigDecimal> paid = new ArrayList<>();
        List<BigDecimal> unlocked = new ArrayList<>();
        BigDecimal p = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        for (BigDecimal[] m : months.values()) {
            // cumulative, in 万元 for the chart's axis (display only)
            p = p.add(m[0]);
            u = u.add(m[1]);
            paid.add(cn.baojiaolou.reports.WanYuan.of(p));
            unlocked.add(cn.baojiaolou.reports.WanYuan.of(u));
        }
        model.addAttribute("chartMonths", labels);
        model.addAttribute("chartPaid", paid);
        model.addAttribute("chartUnlocked", unlocked);
        List<DashboardMapper.MonthFigure> delivered = dashboard.deliveredByMonth(districtId);
        model.addAttribute("deliveryMonths", delivered.stream().map(DashboardMapper.MonthFigure::month).toList());
        model.addAttribute("deliveries", delivered.stream().map(DashboardMapper.MonthFigure::amount).toList());
        return "dashboard";
    }

    private static BigDecimal[] row(Map<String, BigDecimal[]> months, String month) {
        return months.computeIfAbsent(month, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
