package cn.baojiaolou.loan.domain.interest;

import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.util.List;

/** Turns posted ledger rows into the events the interest calculation replays. */
public final class PositionInterest {

    private PositionInterest() {
    }

    public static List<PositionEvent> events(List<LedgerEntry> entries) {
        return entries.stream().map(PositionInterest::event).toList();
    }

    private static PositionEvent event(LedgerEntry e) {
        return event(e.entryType(), e.valueDate(), e.amount(), e.principal(), e.interest(), e.penalty());
    }

    /** The interest effect of one ledger row: advances raise principal, repayments pay their recorded split. */
    public static PositionEvent event(EntryType type, LocalDate valueDate, BigDecimal amount, BigDecimal principal,
                                      BigDecimal interest, BigDecimal penalty) {
        return switch (type) {
            case DRAWDOWN, PAYMENT -> PositionEvent.advance(valueDate, amount);
            case PAYMENT_REVERSAL -> PositionEvent.advanceReversal(valueDate, amount);
            case CENTRAL_REPAYMENT, PROJECT_REPAYMENT -> PositionEvent.repayment(valueDate, principal, interest, penalty);
        };
    }

}
