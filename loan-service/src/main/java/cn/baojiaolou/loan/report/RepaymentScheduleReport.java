package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import static cn.baojiaolou.reports.ReportColumn.date;
import static cn.baojiaolou.reports.ReportColumn.integer;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;
import static cn.baojiaolou.reports.ReportColumn.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.domain.interest.Settlement;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 还款计划及逾期表: per project, the settled interest and the principal due, what was paid and what is overdue at the
 * end of the business date, with days overdue. Overdue follows REPAYMENT_OVERDUE: interest settled on the business
 * date itself is due that day, not yet overdue; principal is overdue after the facility's maturity date.
 */
@Service
class RepaymentScheduleReport implements ReportAssembler {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final ReportMapper reports;
    private final ProjectInterest interest;
    private final FacilityTermSections terms;

    RepaymentScheduleReport(ReportMapper reports, ProjectInterest interest, FacilityTermSections terms) {
        this.reports = reports;
        this.interest = interest;
        this.terms = terms;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.REPAYMENT_SCHEDULE;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        ReportMessages messages = new ReportMessages(c.locale());
        LocalDate day = c.businessDate();
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal principal = ZERO;
        BigDecimal settled = ZERO;
        BigDecimal paid = ZERO;
        BigDecimal overdueInterest = ZERO;
        BigDecimal overduePenalty = ZERO;
        BigDecimal overduePrincipal = ZERO;
        int overdueProjects = 0;
        List<ReportMapper.ProjectRef> projects = reports.projects(day, c.districtId());
        for (ReportMapper.ProjectRef p : projects) {
            ProjectInterest.Summary s = interest.asOf(p.id(), day);
            // the maturity in force on the day: a 展期 approved and effective by then replaces the contract's
            LocalDate maturity = s.positions().stream().map(ProjectInterest.Position::maturityDate)
                    .min(LocalDate::compareTo).orElse(null);
            BigDecimal dueToday = ZERO;
            long days = 0;
            for (ProjectInterest.Position pos : s.positions()) {
                InterestStatement st = pos.statement();
                dueToday = dueToday.add(settledOn(st, day));
                days = Math.max(days, daysOverdue(st, pos.maturityDate(), day));
            }
            BigDecimal owedInterest = s.interestDue().add(s.penaltyDue()).subtract(dueToday).max(ZERO);
            BigDecimal owedPenalty = s.penaltyDue().min(owedInterest);
            BigDecimal settledAll = s.settled().add(s.penaltySettled());
            BigDecimal paidAll = s.interestPaid().add(s.penaltyPaid());
            if (owedInterest.signum() > 0 || s.overduePrincipal().signum() > 0) {
                overdueProjects++;
            }
            principal = principal.add(s.principal());
            settled = settled.add(settledAll);
            paid = paid.add(paidAll);
            overdueInterest = overdueInterest.add(owedInterest);
            overduePenalty = overduePenalty.add(owedPenalty);
            overduePrincipal = overduePrincipal.add(s.overduePrincipal());
            rows.add(Arrays.asList(p.code(), p.name(), p.districtName(), s.principal(), maturity, settledAll, paidAll,
                    owedInterest, s.overduePrincipal(), days));
        }
        List<Object> totals = Arrays.asList(messages.get("label.total"), null, null, principal, null, settled, paid,
                overdueInterest, overduePrincipal, null);
        // interest in 元 (auditors check it to the fen), principal in 万元
        ReportSection section = new ReportSection("projects", ReportText.of("section.schedule"),
                // widths so that no header breaks before its closing bracket (本金余额（万元）, 逾期本金（万元）)
                List.of(text("col.projectCode", 5), text("col.projectName", 8), text("col.district", 5),
                        wanYuan("col.principalOutstanding", 5), date("col.maturity", 4), yuan("col.settled", 4),
                        yuan("col.interestPaid", 4), yuan("col.overdueInterest", 6),
                        wanYuan("col.overduePrincipalWan", 5), integer("col.daysOverdue", 3)),
                rows, totals);
        List<ReportSection> sections = new ArrayList<>();
        sections.add(section);
        sections.addAll(FacilityTermSections.sections(terms.read(day, c.districtId(), null), messages,
                ReportText.of("section.facilityTerms"), ReportText.of("section.termChanges")));
        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), day, c.dataAsOf(), c.reportNumber(),
                ReportText.of("subject.scope", messages.resolve(c.scope())),
                List.of(ReportText.of("summary.schedule", projects.size(), overdueProjects,
                        WanYuan.formatYuan(settled), WanYuan.formatYuan(paid), WanYuan.formatYuan(overdueInterest),
                        WanYuan.formatYuan(overduePenalty), WanYuan.formatYuan(overduePrincipal))));
        return new ReportDocument(header, sections);
    }

    /** Interest and penalty settled on the day itself: due today, not overdue yet. */
    private static BigDecimal settledOn(InterestStatement st, LocalDate day) {
        return st.settlements().stream().filter(x -> x.date().equals(day))
                .map(x -> x.interest().add(x.penalty())).reduce(ZERO, BigDecimal::add);
    }

    /**
     * Days since the oldest settlement not covered by what was paid (payments cover settlements oldest first),
     * or since maturity when principal is overdue, whichever is longer.
     */
    static long daysOverdue(InterestStatement st, LocalDate maturity, LocalDate day) {
        long days = 0;
        BigDecimal covered = st.interestPaid().add(st.penaltyPaid());
        for (Settlement x : st.settlements()) {
            BigDecimal amount = x.interest().add(x.penalty());
            if (covered.compareTo(amount) >= 0) {
                covered = covered.subtract(amount);
                continue;
            }
            if (x.date().isBefore(day)) {
                days = ChronoUnit.DAYS.between(x.date(), day);
            }
            break;
        }
        if (st.overduePrincipal().signum() > 0 && maturity != null && maturity.isBefore(day)) {
            days = Math.max(days, ChronoUnit.DAYS.between(maturity, day));
        }
        return days;
    }
}
