package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.InterestAccrualMapper.AccrualRow;
import cn.baojiaolou.batch.nightlyclose.InterestAccrualMapper.EventRow;
import cn.baojiaolou.batch.nightlyclose.InterestAccrualMapper.SettlementRow;
import cn.baojiaolou.batch.nightlyclose.InterestAccrualMapper.StoredState;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.InterestTerms;
import cn.baojiaolou.loan.domain.interest.PositionEvent;
import cn.baojiaolou.loan.domain.interest.PositionInterest;
import cn.baojiaolou.loan.domain.interest.PositionState;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Steps 1 and 2 of the nightly close: the day's 积数 for every facility and project position, and the 结息 on a
 * 结息日. Each day continues from the previous day's stored state plus the day's ledger rows, with the same
 * {@link AccumulatedBalanceInterest} the API replays, so the two agree to the fen. Both steps only upsert rows
 * keyed by (date, position), so a rerun or a restart after a kill writes the same values again.
 */
@Component
public class InterestAccrual {

    static final int CHUNK = 2000;

    private final InterestAccrualMapper mapper;
    private final TransactionTemplate tx;

    public InterestAccrual(InterestAccrualMapper mapper, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    public record Counts(int positions, int rows) {
    }

    /** Step 1: the state of every started position at the end of D, before any 结息 of D. */
    public Counts accrue(LocalDate d) {
        Map<Long, InterestTerms> terms = terms();
        Map<PositionKey, PositionState> states = previousStates(d, terms);
        Map<PositionKey, List<PositionEvent>> today = events(d, false);
        bootstrapMissing(d, terms, states, today.keySet());
        Set<PositionKey> positions = new HashSet<>(states.keySet());
        positions.addAll(today.keySet());
        List<AccrualRow> rows = new ArrayList<>(positions.size());
        for (PositionKey key : positions) {
            InterestTerms t = terms.get(key.facilityId());
            PositionState s = states.getOrDefault(key, PositionState.EMPTY);
            for (PositionEvent e : today.getOrDefault(key, List.of())) {
                s = s.apply(e, d);
            }
            s = AccumulatedBalanceInterest.accrueDay(t, s, d);
            if (s.started()) {
                rows.add(row(d, key, s, t, AccumulatedBalanceInterest.isSettlementDay(d, t)));
            }
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<AccrualRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            tx.executeWithoutResult(status -> mapper.upsertAccruals(chunk));
        }
        return new Counts(positions.size(), rows.size());
    }

    /** Step 2: on a 结息日, the period's 积数 becomes interest (and penalty) due, rounded to the fen once. */
    public Counts settle(LocalDate d) {
        Map<Long, InterestTerms> terms = terms();
        Map<PositionKey, PositionState> pending = new HashMap<>();
        mapper.states(d, true, ctx -> pending.put(key(ctx.getResultObject()), ctx.getResultObject().state()));
        List<PositionKey> keys = new ArrayList<>(pending.keySet());
        int settled = 0;
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<AccrualRow> rowChunk = new ArrayList<>();
            List<SettlementRow> settlementChunk = new ArrayList<>();
            for (PositionKey key : keys.subList(from, Math.min(keys.size(), from + CHUNK))) {
                InterestTerms t = terms.get(key.facilityId());
                AccumulatedBalanceInterest.DayClose closed = AccumulatedBalanceInterest.settle(t, pending.get(key), d);
                if (closed.settlement() != null) {
                    settlementChunk.add(new SettlementRow(d, key.facilityId(), key.projectId(),
                            closed.settlement()));
                }
                rowChunk.add(row(d, key, closed.state(), t, false));
            }
            settled += settlementChunk.size();
            // the settlement rows and the settled state commit together: a restart never settles twice
            tx.executeWithoutResult(status -> {
                if (!settlementChunk.isEmpty()) {
                    mapper.upsertSettlements(settlementChunk);
                }
                mapper.upsertAccruals(rowChunk);
            });
        }
        return new Counts(pending.size(), settled);
    }

    private static AccrualRow row(LocalDate d, PositionKey key, PositionState s, InterestTerms t, boolean pending) {
        return new AccrualRow(d, key.facilityId(), key.projectId(), s,
                AccumulatedBalanceInterest.interestOf(s, t, d), pending);
    }

    private Map<Long, InterestTerms> terms() {
        Map<Long, List<InterestTerms.Step>> steps = new HashMap<>();
        for (InterestAccrualMapper.TermStep s : mapper.termSteps()) {
            steps.computeIfAbsent(s.facilityId(), id -> new ArrayList<>())
                    .add(new InterestTerms.Step(s.effectiveOn(), s.annualRate(), s.maturityDate()));
        }
        Map<Long, InterestTerms> terms = new HashMap<>();
        for (InterestAccrualMapper.FacilityTerms f : mapper.terms()) {
            terms.put(f.id(), new InterestTerms(f.annualRate(), f.penaltyMarkup(), f.maturityDate(),
                    steps.getOrDefault(f.id(), List.of())));
        }
        return terms;
    }

    /** D−1's states; one still waiting for its 结息 (a day that never finished) is settled here in memory. */
    private Map<PositionKey, PositionState> previousStates(LocalDate d, Map<Long, InterestTerms> terms) {
        LocalDate yesterday = d.minusDays(1);
        Map<PositionKey, PositionState> states = new HashMap<>();
        mapper.states(yesterday, false, ctx -> {
            StoredState row = ctx.getResultObject();
            PositionKey key = key(row);
            states.put(key, Boolean.TRUE.equals(row.settlementPending())
                    ? AccumulatedBalanceInterest.settle(terms.get(key.facilityId()), row.state(), yesterday).state()
                    : row.state());
        });
        return states;
    }

    /**
     * Positions with history before D but no state for D−1 (the first close, or a position the accrual table has
     * never seen) are replayed from the ledger in one ordered stream.
     */
    private void bootstrapMissing(LocalDate d, Map<Long, InterestTerms> terms, Map<PositionKey, PositionState> states,
                                  Set<PositionKey> todays) {
        Set<PositionKey> missing = new HashSet<>();
        for (InterestAccrualMapper.PositionRow p : mapper.positionsBefore(d)) {
            PositionKey key = new PositionKey(p.facilityId(), p.projectId());
            if (!states.containsKey(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<PositionKey, List<PositionEvent>> history = events(d, true);
        for (PositionKey key : missing) {
            states.put(key, AccumulatedBalanceInterest.stateAt(terms.get(key.facilityId()),
                    history.getOrDefault(key, List.of()), d.minusDays(1)));
        }
    }

    /** Ledger rows of D (or before D) as interest events per position, in posting order (one streamed query). */
    private Map<PositionKey, List<PositionEvent>> events(LocalDate d, boolean before) {
        Map<PositionKey, List<PositionEvent>> events = new LinkedHashMap<>();
        mapper.events(d, before, ctx -> {
            EventRow r = ctx.getResultObject();
            EntryType type = EntryType.valueOf(r.entryType());
            boolean facilityLevel = r.projectId() == null;
            if (facilityLevel && type != EntryType.DRAWDOWN && type != EntryType.CENTRAL_REPAYMENT) {
                return;
            }
            PositionKey key = new PositionKey(r.facilityId(), facilityLevel ? PositionKey.FACILITY_ITSELF
                    : r.projectId());
            events.computeIfAbsent(key, k -> new ArrayList<>()).add(PositionInterest.event(type, r.valueDate(),
                    r.amount(), r.principal(), r.interest(), r.penalty()));
        });
        return events;
    }

    private static PositionKey key(StoredState row) {
        return new PositionKey(row.facilityId(), row.projectId());
    }
}
