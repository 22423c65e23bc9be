package cn.baojiaolou.loan.interest;

import cn.baojiaolou.loan.ledger.LedgerEntry;

import java.util.List;

/** Turns posted ledger rows into the events the interest calculation replays. */
public final class PositionInterest {

    private PositionInterest() {
    }

    public static List<PositionEvent> events(List<LedgerEntry> entries) {
        return entries.stream().map(PositionInterest::event).toList();
    }

    private static PositionEvent event(LedgerEntry e) {
        return switch (e.entryType()) {
            case DRAWDOWN, PAYMENT -> PositionEvent.advance(e.valueDate(), e.amount());
            case PAYMENT_REVERSAL -> PositionEvent.advanceReversal(e.valueDate(), e.amount());
            case CENTRAL_REPAYMENT, PROJECT_REPAYMENT ->
                    PositionEvent.repayment(e.valueDate(), e.principal(), e.interest(), e.penalty());
        };
    }

}
