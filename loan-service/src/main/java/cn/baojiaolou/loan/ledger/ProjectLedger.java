package cn.baojiaolou.loan.ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A project's money events in value-date order, with running paid and principal-outstanding balances. */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectLedger {

    private final LedgerMapper ledger;

    public ProjectLedger(LedgerMapper ledger) {
        this.ledger = ledger;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "LedgerLine")
    public record Line(LedgerEntry entry, BigDecimal paidToDate, BigDecimal principalOutstanding,
                       BigDecimal interestPaidToDate) {
    }

    @Transactional(readOnly = true)
    public List<Line> lines(long projectId) {
        BigDecimal zero = new BigDecimal("0.00");
        return running(new LedgerMapper.ProjectTotals(zero, zero, zero), ledger.projectEntries(projectId));
    }

    /** A period's opening totals (everything before {@code from}) and its lines, with the balances running on. */
    public record Period(LedgerMapper.ProjectTotals opening, List<Line> lines) {
    }

    /**
     * The lines of [from, to] with their running balances carried from a sum of everything before: the month-end
     * print of 10,000 projects reads a month each, not each project's whole history.
     */
    @Transactional(readOnly = true)
    public Period period(long projectId, LocalDate from, LocalDate to) {
        LedgerMapper.ProjectTotals before = ledger.projectTotalsBefore(projectId, from);
        // SUM of DECIMAL(…, 2) keeps the scale; COALESCE with 0 may not: amounts keep two decimals
        LedgerMapper.ProjectTotals opening = new LedgerMapper.ProjectTotals(Money.fen(before.paid()),
                Money.fen(before.principal()), Money.fen(before.interest()));
        return new Period(opening, running(opening, ledger.projectEntriesBetween(projectId, from, to)));
    }

    private static List<Line> running(LedgerMapper.ProjectTotals opening, List<LedgerEntry> entries) {
        BigDecimal paid = opening.paid();
        BigDecimal principal = opening.principal();
        BigDecimal interest = opening.interest();
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry e : entries) {
            switch (e.entryType()) {
                case PAYMENT -> {
                    paid = paid.add(e.amount());
                    principal = principal.add(e.amount());
                }
                case PAYMENT_REVERSAL -> {
                    paid = paid.subtract(e.amount());
                    principal = principal.subtract(e.amount());
                }
                case PROJECT_REPAYMENT -> {
                    principal = principal.subtract(e.principal());
                    interest = interest.add(e.interest()).add(e.penalty());
                }
                default -> {
                    // facility-level rows never carry a project
                }
            }
            lines.add(new Line(e, paid, principal, interest));
        }
        return lines;
    }
}
