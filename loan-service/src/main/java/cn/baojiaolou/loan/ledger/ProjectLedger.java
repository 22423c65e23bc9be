package cn.baojiaolou.loan.ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
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
        BigDecimal paid = new BigDecimal("0.00");
        BigDecimal principal = new BigDecimal("0.00");
        BigDecimal interest = new BigDecimal("0.00");
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry e : ledger.projectEntries(projectId)) {
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
