package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import static cn.baojiaolou.reports.ReportColumn.date;
import static cn.baojiaolou.reports.ReportColumn.integer;
import static cn.baojiaolou.reports.ReportColumn.percent;
import static cn.baojiaolou.reports.ReportColumn.rate;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.uppercase;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;
import static cn.baojiaolou.reports.ReportColumn.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.domain.interest.Settlement;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.ledger.ProjectLedger;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.milestone.MilestoneMapper;
import cn.baojiaolou.loan.domain.milestone.MilestoneReleaseCap;
import cn.baojiaolou.loan.domain.project.Allocation;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 项目专项借款台账: one project as of the business date — facts and 一楼一策 plan, allocations, milestones with their
 * caps and verification, every payment (payee, purpose, milestone, maker, checker, voucher, bank match) with the
 * running total paid, repayments with their split and the running principal, and interest by the 积数 method.
 * Rows dated after the business date are left out, so the report of a past date does not change.
 */
@Service
class ProjectLedgerReport implements ReportAssembler {

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProjectMapper projects;
    private final MilestoneMapper milestones;
    private final ProjectLedger ledger;
    private final ProjectInterest interest;
    private final ReportMapper reports;
    private final FacilityTermSections terms;

    ProjectLedgerReport(ProjectMapper projects, MilestoneMapper milestones, ProjectLedger ledger,
                        ProjectInterest interest, ReportMapper reports, FacilityTermSections terms) {
        this.terms = terms;
        this.projects = projects;
        this.milestones = milestones;
        this.ledger = ledger;
        this.interest = interest;
        this.reports = reports;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.PROJECT_LEDGER;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        Project p = c.project();
        LocalDate asOf = c.businessDate();
        ReportMessages messages = new ReportMessages(c.locale());
        List<Allocation> allocations = projects.allocations(p.id()).stream()
                .filter(a -> !a.approvedOn().isAfter(asOf)).toList();
        BigDecimal allocated = allocations.stream().map(Allocation::amount).reduce(ZERO, BigDecimal::add);
        // a verification after the business date does not count yet
        List<Milestone> asOfMilestones = milestones.ofProject(p.id()).stream()
                .map(m -> m.verified() && m.verifiedOn().isAfter(asOf) ? unverified(m) : m).toList();
        List<ProjectLedger.Line> lines = ledger.lines(p.id()).stream()
                .filter(l -> !l.entry().valueDate().isAfter(asOf)).toList();
        Map<Long, ReportMapper.DisbursementLine> payments = reports.disbursementLines(p.id(), asOf).stream()
                .collect(Collectors.toMap(ReportMapper.DisbursementLine::ledgerEntryId, Function.identity()));
        ProjectInterest.Summary owed = interest.asOf(p.id(), asOf);

        List<ReportSection> sections = new ArrayList<>();
        sections.add(facts(p, reports.statusOn(p.id(), asOf), asOfMilestones, messages));
        sections.add(new ReportSection("allocations", ReportText.of("section.allocations"),
                List.of(text("col.facility", 4), text("col.approvalRef", 5), date("col.approvedOn", 2),
                        wanYuan("col.allocated", 2)),
                allocations.stream().map(a -> List.<Object>of(a.facilityCode(), a.approvalRef(), a.approvedOn(),
                        a.amount())).toList(),
                Rows.totals(4, 3, allocated, messages.get("label.total"))));
        sections.add(milestoneSection(asOfMilestones, allocated));

        BigDecimal paid = ZERO;
        List<List<Object>> paymentRows = new ArrayList<>();
        List<List<Object>> repaymentRows = new ArrayList<>();
        BigDecimal repaid = ZERO;
        BigDecimal principal = ZERO;
        BigDecimal interestPaid = ZERO;
        BigDecimal penaltyPaid = ZERO;
        BigDecimal outstanding = ZERO;
        for (ProjectLedger.Line l : lines) {
            var e = l.entry();
            outstanding = l.principalOutstanding();
            if (e.entryType() == EntryType.PAYMENT || e.entryType() == EntryType.PAYMENT_REVERSAL) {
                ReportMapper.DisbursementLine d = payments.get(e.id());
                boolean reversal = e.entryType() == EntryType.PAYMENT_REVERSAL;
                BigDecimal amount = reversal ? e.amount().negate() : e.amount();
                paid = l.paidToDate();
                String payee = d == null ? null : d.payee();
                paymentRows.add(Arrays.asList(e.valueDate(), e.voucherNo(),
                        reversal ? messages.get("entry.PAYMENT_REVERSAL", payee) : payee,
                        d == null ? null : d.purpose(), d == null ? null : d.milestone(), amount, amount,
                        d == null ? null : d.maker(), d == null ? null : d.checker(),
                        messages.get(d == null || d.matchMethod() == null ? "match.none" : "match." + d.matchMethod()),
                        l.paidToDate()));
            } else if (e.entryType() == EntryType.PROJECT_REPAYMENT) {
                repaid = repaid.add(e.amount());
                principal = principal.add(e.principal());
                interestPaid = interestPaid.add(e.interest());
                penaltyPaid = penaltyPaid.add(e.penalty());
                repaymentRows.add(List.of(e.valueDate(), e.voucherNo(), e.amount(), e.principal(), e.interest(),
                        e.penalty(), l.principalOutstanding(), l.interestPaidToDate()));
            }
        }
        sections.add(new ReportSection("disbursements", ReportText.of("section.disbursements"),
                List.of(date("col.paidOn", 5), text("col.voucher", 7), text("col.payee", 9), text("col.purpose", 4),
                        text("col.milestone", 5), wanYuan("col.amount", 5), uppercase("col.amountUpper", 11),
                        text("col.maker", 4), text("col.checker", 4), text("col.bankMatch", 5),
                        wanYuan("col.paidToDate", 5)),
                paymentRows, Arrays.asList(messages.get("label.total"), null, null, null, null, paid, paid, null,
                        null, null, null)));
        List<Object> repaymentTotals = Arrays.asList(messages.get("label.total"), null, repaid, principal,
                interestPaid, penaltyPaid, outstanding, interestPaid.add(penaltyPaid));
        sections.add(new ReportSection("repayments", ReportText.of("section.repayments"),
                List.of(date("col.valueDate"), text("col.voucher", 3), wanYuan("col.amount"), wanYuan("col.principal"),
                        wanYuan("col.interest"), wanYuan("col.penalty"), wanYuan("col.principalOutstanding"),
                        wanYuan("col.interestPaidToDate")),
                repaymentRows, repaymentTotals));
        sections.add(interestSection(owed, messages));
        sections.add(settlementSection(owed));
        // the terms the interest above ran at, and the approved changes behind them
        sections.addAll(FacilityTermSections.sections(terms.read(asOf, null, p.id()), messages,
                ReportText.of("section.ledgerFacilityTerms"), ReportText.of("section.ledgerTermChanges")));

        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), asOf, c.dataAsOf(), c.reportNumber(),
                ReportText.of("subject.project", p.code(), p.name(), p.districtName()),
                List.of(ReportText.of("summary.ledger", WanYuan.formatYuan(allocated), WanYuan.formatYuan(paid),
                                WanYuan.formatYuan(repaid), WanYuan.formatYuan(principal),
                                WanYuan.formatYuan(interestPaid), WanYuan.formatYuan(penaltyPaid),
                                WanYuan.formatYuan(outstanding)),
                        ReportText.of("summary.interest", WanYuan.formatYuan(owed.settled()),
                                WanYuan.formatYuan(owed.interestPaid()), WanYuan.formatYuan(owed.interestDue()),
                                WanYuan.formatYuan(owed.penaltyDue()))));
        return new ReportDocument(header, sections);
    }

    private static ReportSection facts(Project p, ProjectStatus statusOn, List<Milestone> milestones,
                                       ReportMessages messages) {
        int delivered = milestones.stream().filter(Milestone::verified)
                .mapToInt(m -> m.unitsDelivered() == null ? 0 : m.unitsDelivered()).sum();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(fact(messages, "fact.code", p.code(), "fact.name", p.name()));
        rows.add(fact(messages, "fact.district", p.districtName(), "fact.developer", p.developer()));
        rows.add(fact(messages, "fact.contractor", p.contractor(), "fact.status",
                messages.get("status." + statusOn.name())));
        rows.add(fact(messages, "fact.units", p.totalUnits() + " / " + delivered, "fact.fundingGap",
                WanYuan.format(p.fundingGap())));
        rows.add(fact(messages, "fact.expectedDelivery", p.expectedDeliveryDate(), "fact.official",
                p.responsibleOfficial()));
        rows.add(fact(messages, "fact.taskForce", p.taskForce(), "fact.plan", p.planText()));
        return new ReportSection("facts", ReportText.of("section.facts"),
                List.of(text("col.item", 2), text("col.value", 5), text("col.item", 2), text("col.value", 5)), rows,
                null);
    }

    private static List<Object> fact(ReportMessages m, String k1, Object v1, String k2, Object v2) {
        return Arrays.asList(m.get(k1), v1, m.get(k2), v2);
    }

    private static ReportSection milestoneSection(List<Milestone> milestones, BigDecimal allocated) {
        List<List<Object>> rows = milestones.stream().map(m -> Arrays.<Object>asList(m.seq(), m.name(),
                m.plannedDate(), m.cumulativeCapPercent().divide(HUNDRED),
                MilestoneReleaseCap.unlocked(allocated, m.cumulativeCapPercent()),
                m.verifiedOn(), m.inspector(), m.evidenceRef(), m.unitsDelivered())).toList();
        return new ReportSection("milestones", ReportText.of("section.milestones"),
                List.of(integer("col.seq"), text("col.milestone", 4), date("col.plannedDate"),
                        percent("col.capPercent", 2), wanYuan("col.capAmount"), date("col.verifiedOn"),
                        text("col.inspector", 2), text("col.evidence", 5), integer("col.unitsDelivered")),
                rows, null);
    }

    private static ReportSection interestSection(ProjectInterest.Summary owed, ReportMessages messages) {
        List<List<Object>> rows = owed.positions().stream().map(pos -> {
            InterestStatement s = pos.statement();
            return List.<Object>of(pos.facilityCode(), pos.annualRate(), s.balanceDays(), s.accrued(), s.settled(),
                    s.interestPaid(), s.interestDue(), s.penaltyDue(), s.overduePrincipal());
        }).toList();
        List<Object> totals = Arrays.asList(messages.get("label.total"), null, owed.balanceDays(), owed.accrued(),
                owed.settled(), owed.interestPaid(), owed.interestDue(), owed.penaltyDue(), owed.overduePrincipal());
        // interest is shown in 元: a quarter's interest is a few thousand 元, and auditors check it to the fen
        return new ReportSection("interest", ReportText.of("section.interest"),
                List.of(text("col.facility", 4), rate("col.annualRate"), yuan("col.balanceDays", 3),
                        yuan("col.accrued"),
                        yuan("col.settled"), yuan("col.interestPaid"), yuan("col.interestDue"),
                        yuan("col.penaltyDue"), yuan("col.overduePrincipal")),
                rows, rows.isEmpty() ? null : totals);
    }

    private static ReportSection settlementSection(ProjectInterest.Summary owed) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectInterest.Position pos : owed.positions()) {
            for (Settlement s : pos.statement().settlements()) {
                rows.add(List.of(pos.facilityCode(), s.date(), s.periodStart(), s.balanceDays(), s.interest(),
                        s.penaltyBalanceDays(), s.penalty()));
            }
        }
        return new ReportSection("settlements", ReportText.of("section.settlements"),
                List.of(text("col.facility", 4), date("col.settleDate"), date("col.periodStart"),
                        yuan("col.balanceDays", 3),
                        yuan("col.interestYuan"), yuan("col.penaltyBalanceDays"), yuan("col.penaltyYuan")),
                rows, null);
    }

    private static Milestone unverified(Milestone m) {
        return new Milestone(m.id(), m.projectId(), m.seq(), m.name(), m.plannedDate(), m.cumulativeCapPercent(),
                null, null, null, null, null);
    }
}
