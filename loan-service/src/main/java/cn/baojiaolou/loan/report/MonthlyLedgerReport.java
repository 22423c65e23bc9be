package cn.baojiaolou.loan.report;

import static cn.baojiaolou.reports.ReportColumn.date;
import static cn.baojiaolou.reports.ReportColumn.rate;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.uppercase;
import static cn.baojiaolou.reports.ReportColumn.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.domain.interest.PositionEvent;
import cn.baojiaolou.loan.domain.interest.Settlement;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.ledger.ProjectLedger;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 月度台账: one project's month, from the 1st to the business date (the month's end at the month-end print) —
 * the balances at the opening of the 1st (the close of the month before), the month's movements, the closing
 * balances (期初 + 本月增加 − 本月减少 = 期末), and per facility the month's 积数 and its interest (积数 × rate / 360,
 * rounded half-up to the fen once). All in 元, to the fen, so it can be checked by hand against the vouchers.
 */
@Service
class MonthlyLedgerReport implements ReportAssembler {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final ProjectLedger ledger;
    private final ProjectInterest interest;
    private final ReportMapper reports;
    private final FacilityTermSections terms;

    MonthlyLedgerReport(ProjectLedger ledger, ProjectInterest interest, ReportMapper reports,
                        FacilityTermSections terms) {
        this.terms = terms;
        this.ledger = ledger;
        this.interest = interest;
        this.reports = reports;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MONTHLY_LEDGER;
    }

    /** The month's figures, for the report and for its tests. */
    record Month(LocalDate first, LocalDate last, Balance paid, Balance principal, Balance interestDue,
                 List<ProjectLedger.Line> movements, List<FacilityMonth> facilities) {
    }

    /** 期初 + 增加 − 减少 = 期末. */
    record Balance(BigDecimal opening, BigDecimal increase, BigDecimal decrease, BigDecimal closing) {
    }

    /** One facility's month: 积数 at the opening and its growth, the month's interest, what was settled and paid. */
    record FacilityMonth(String facilityCode, BigDecimal annualRate, BigDecimal balanceDays, BigDecimal interest,
                         BigDecimal settled, BigDecimal paid) {
    }

    @Transactional(readOnly = true)
    Month month(Project p, LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1);
        LocalDate before = first.minusDays(1);
        // the month's rows only, their balances carried from one sum of everything before the 1st
        ProjectLedger.Period period = ledger.period(p.id(), first, asOf);
        BigDecimal paidOpen = period.opening().paid();
        BigDecimal principalOpen = period.opening().principal();
        BigDecimal paidUp = ZERO;
        BigDecimal paidDown = ZERO;
        BigDecimal principalUp = ZERO;
        BigDecimal principalDown = ZERO;
        BigDecimal paidPrev = paidOpen;
        BigDecimal principalPrev = principalOpen;
        List<ProjectLedger.Line> movements = period.lines();
        for (ProjectLedger.Line l : movements) {
            BigDecimal paidDelta = l.paidToDate().subtract(paidPrev);
            BigDecimal principalDelta = l.principalOutstanding().subtract(principalPrev);
            if (paidDelta.signum() >= 0) {
                paidUp = paidUp.add(paidDelta);
            } else {
                paidDown = paidDown.subtract(paidDelta);
            }
            if (principalDelta.signum() >= 0) {
                principalUp = principalUp.add(principalDelta);
            } else {
                principalDown = principalDown.subtract(principalDelta);
            }
            paidPrev = l.paidToDate();
            principalPrev = l.principalOutstanding();
        }
        List<FacilityMonth> facilities = new ArrayList<>();
        BigDecimal dueOpen = ZERO;
        BigDecimal dueClose = ZERO;
        BigDecimal settledInMonth = ZERO;
        BigDecimal paidInMonth = ZERO;
        for (Facility f : interest.facilitiesOf(p.id())) {
            List<PositionEvent> events = interest.events(p.id(), f.id());
            cn.baojiaolou.loan.domain.interest.InterestTerms terms = interest.terms(f);
            InterestStatement open = AccumulatedBalanceInterest.statement(terms, events, before);
            InterestStatement close = AccumulatedBalanceInterest.statement(terms, events, asOf);
            List<Settlement> settlements = close.settlements().stream()
                    .filter(s -> !s.date().isBefore(first)).toList();
            // the 积数 grows by each day's closing principal and moves into a settlement on a 结息日
            BigDecimal days = close.balanceDays().subtract(open.balanceDays())
                    .add(settlements.stream().map(Settlement::balanceDays).reduce(ZERO, BigDecimal::add));
            BigDecimal settled = close.settled().subtract(open.settled());
            BigDecimal paid = close.interestPaid().subtract(open.interestPaid());
            // the month's interest: what was settled in it plus the change of the open period's accrued (exact across
            // a rate change; for one rate it is the month's 积数 × rate / 360 up to the fen of the two roundings)
            BigDecimal monthInterest = terms.steps().isEmpty()
                    ? AccumulatedBalanceInterest.interestOf(days, f.annualRate())
                    : close.accrued().subtract(open.accrued()).add(settlements.stream().map(Settlement::interest)
                            .reduce(ZERO, BigDecimal::add));
            facilities.add(new FacilityMonth(f.code(), terms.rateOn(asOf), days, monthInterest, settled, paid));
            dueOpen = dueOpen.add(open.interestDue());
            dueClose = dueClose.add(close.interestDue());
            settledInMonth = settledInMonth.add(settled);
            paidInMonth = paidInMonth.add(paid);
        }
        return new Month(first, asOf, new Balance(paidOpen, paidUp, paidDown, paidPrev),
                new Balance(principalOpen, principalUp, principalDown, principalPrev),
                new Balance(dueOpen, settledInMonth, paidInMonth, dueClose), movements, facilities);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        Project p = c.project();
        ReportMessages messages = new ReportMessages(c.locale());
        Month m = month(p, c.businessDate());
        Map<Long, ReportMapper.DisbursementLine> payments = reports.disbursementLinesBetween(p.id(),
                        c.businessDate().withDayOfMonth(1), c.businessDate())
                .stream().collect(Collectors.toMap(ReportMapper.DisbursementLine::ledgerEntryId,
                        Function.identity()));

        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection("balances", ReportText.of("section.monthBalances", m.first().toString(),
                m.last().toString()),
                List.of(text("col.item", 3), yuan("col.opening", 3), yuan("col.increase", 3),
                        yuan("col.decrease", 3), yuan("col.closing", 3)),
                List.of(balanceRow(messages.get("balance.paid"), m.paid()),
                        balanceRow(messages.get("balance.principal"), m.principal()),
                        balanceRow(messages.get("balance.interestDue"), m.interestDue())),
                null));

        List<List<Object>> rows = new ArrayList<>();
        for (ProjectLedger.Line l : m.movements()) {
            LedgerEntry e = l.entry();
            ReportMapper.DisbursementLine d = payments.get(e.id());
            boolean reversal = e.entryType() == EntryType.PAYMENT_REVERSAL;
            String what = switch (e.entryType()) {
                case PAYMENT -> messages.get("movement.PAYMENT", d == null ? "" : d.payee());
                case PAYMENT_REVERSAL -> messages.get("movement.PAYMENT_REVERSAL", d == null ? "" : d.payee());
                default -> messages.get("movement.PROJECT_REPAYMENT", WanYuan.formatYuan(e.principal()),
                        WanYuan.formatYuan(e.interest()), WanYuan.formatYuan(e.penalty()));
            };
            BigDecimal amount = reversal ? e.amount().negate() : e.amount();
            rows.add(Arrays.asList(e.valueDate(), e.voucherNo(), what, amount, amount,
                    d == null ? null : d.maker(), d == null ? null : d.checker(), l.principalOutstanding()));
        }
        sections.add(new ReportSection("movements", ReportText.of("section.monthMovements"),
                List.of(date("col.valueDate", 3), text("col.voucher", 4), text("col.summaryLine", 8),
                        yuan("col.amountYuan", 4), uppercase("col.amountUpper", 7), text("col.maker", 3),
                        text("col.checker", 3), yuan("col.principalOutstandingYuan", 4)),
                rows, null));

        List<List<Object>> interestRows = m.facilities().stream().map(f -> List.<Object>of(f.facilityCode(),
                f.annualRate(), f.balanceDays(), f.interest(), f.settled(), f.paid())).toList();
        BigDecimal days = m.facilities().stream().map(FacilityMonth::balanceDays).reduce(ZERO, BigDecimal::add);
        BigDecimal monthInterest = m.facilities().stream().map(FacilityMonth::interest).reduce(ZERO, BigDecimal::add);
        sections.add(new ReportSection("monthInterest", ReportText.of("section.monthInterest"),
                List.of(text("col.facility", 4), rate("col.annualRate", 2), yuan("col.monthBalanceDays", 4),
                        yuan("col.monthInterest", 3), yuan("col.monthSettled", 3), yuan("col.monthInterestPaid", 3)),
                interestRows, interestRows.isEmpty() ? null : Arrays.asList(messages.get("label.total"), null, days,
                monthInterest, m.interestDue().increase(), m.interestDue().decrease())));

        // the rate above is the one in force at the month's end; the changes of and before the month are listed
        sections.addAll(FacilityTermSections.sections(terms.read(c.businessDate(), null, p.id()), messages,
                ReportText.of("section.monthFacilityTerms"), ReportText.of("section.monthTermChanges")));

        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), c.businessDate(), c.dataAsOf(),
                c.reportNumber(), ReportText.of("subject.project", p.code(), p.name(), p.districtName()),
                List.of(ReportText.of("summary.month", m.first().toString(), m.last().toString(),
                        WanYuan.formatYuan(m.principal().opening()), WanYuan.formatYuan(m.principal().increase()),
                        WanYuan.formatYuan(m.principal().decrease()), WanYuan.formatYuan(m.principal().closing()),
                        WanYuan.formatYuan(days), WanYuan.formatYuan(monthInterest))));
        return new ReportDocument(header, sections);
    }

    private static List<Object> balanceRow(String label, Balance b) {
        return List.of(label, b.opening(), b.increase(), b.decrease(), b.closing());
    }
}
