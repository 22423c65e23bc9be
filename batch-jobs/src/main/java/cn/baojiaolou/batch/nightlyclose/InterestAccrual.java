package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.InterestTerms;
import cn.baojiaolou.loan.domain.interest.PositionEvent;
import cn.baojiaolou.loan.domain.interest.PositionInterest;
import cn.baojiaolou.loan.domain.interest.PositionState;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;

    public InterestAccrual(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    public record Counts(int positions, int rows) {
    }

    /** Step 1: the state of every started position at the end of D, before any 结息 of D. */
    public Counts accrue(LocalDate d) {
        Map<Long, InterestTerms> terms = terms();
        Map<PositionKey, PositionState> states = previousStates(d, terms);
        Map<PositionKey, List<PositionEvent>> today = events("value_date = ?", d);
        bootstrapMissing(d, terms, states, today.keySet());
        Set<PositionKey> positions = new HashSet<>(states.keySet());
        positions.addAll(today.keySet());
        List<Object[]> rows = new ArrayList<>(positions.size());
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
        write(rows);
        return new Counts(positions.size(), rows.size());
    }

    /** Step 2: on a 结息日, the period's 积数 becomes interest (and penalty) due, rounded to the fen once. */
    public Counts settle(LocalDate d) {
        Map<Long, InterestTerms> terms = terms();
        Map<PositionKey, PositionState> pending = states("business_date = ? AND settlement_pending = 1", d);
        List<PositionKey> keys = new ArrayList<>(pending.keySet());
        int settled = 0;
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Object[]> rowChunk = new ArrayList<>();
            List<Object[]> settlementChunk = new ArrayList<>();
            for (PositionKey key : keys.subList(from, Math.min(keys.size(), from + CHUNK))) {
                InterestTerms t = terms.get(key.facilityId());
                AccumulatedBalanceInterest.DayClose closed = AccumulatedBalanceInterest.settle(t, pending.get(key), d);
                if (closed.settlement() != null) {
                    var st = closed.settlement();
                    settlementChunk.add(new Object[]{Date.valueOf(d), key.facilityId(), key.projectId(),
                            Date.valueOf(st.periodStart()), st.balanceDays(), st.interest(), st.penaltyBalanceDays(),
                            st.penalty()});
                }
                rowChunk.add(row(d, key, closed.state(), t, false));
            }
            settled += settlementChunk.size();
            // the settlement rows and the settled state commit together: a restart never settles twice
            tx.executeWithoutResult(status -> {
                jdbc.batchUpdate("INSERT INTO interest_settlement (settle_date, facility_id, project_id, period_start, "
                        + "balance_days, interest, penalty_balance_days, penalty) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE period_start = VALUES(period_start), balance_days = "
                        + "VALUES(balance_days), interest = VALUES(interest), penalty_balance_days = "
                        + "VALUES(penalty_balance_days), penalty = VALUES(penalty)", settlementChunk);
                jdbc.batchUpdate(UPSERT, rowChunk);
            });
        }
        return new Counts(pending.size(), settled);
    }

    private static final String UPSERT = "INSERT INTO interest_accrual (business_date, facility_id, project_id, "
            + "principal, period_start, balance_days, accrued, settled, interest_paid, interest_due, "
            + "penalty_balance_days, penalty_settled, penalty_paid, penalty_due, settlement_pending) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE principal = VALUES(principal), "
            + "period_start = VALUES(period_start), balance_days = VALUES(balance_days), accrued = VALUES(accrued), "
            + "settled = VALUES(settled), interest_paid = VALUES(interest_paid), interest_due = VALUES(interest_due), "
            + "penalty_balance_days = VALUES(penalty_balance_days), penalty_settled = VALUES(penalty_settled), "
            + "penalty_paid = VALUES(penalty_paid), penalty_due = VALUES(penalty_due), "
            + "settlement_pending = VALUES(settlement_pending)";

    private void write(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            tx.executeWithoutResult(status -> jdbc.batchUpdate(UPSERT, chunk));
        }
    }

    private static Object[] row(LocalDate d, PositionKey key, PositionState s, InterestTerms t, boolean pending) {
        return new Object[]{Date.valueOf(d), key.facilityId(), key.projectId(), s.principal(),
                s.periodStart() == null ? null : Date.valueOf(s.periodStart()), s.balanceDays(),
                AccumulatedBalanceInterest.interestOf(s.balanceDays(), t.annualRate()), s.settled(), s.interestPaid(),
                s.interestDue(), s.penaltyBalanceDays(), s.penaltySettled(), s.penaltyPaid(), s.penaltyDue(),
                pending ? 1 : 0};
    }

    private Map<Long, InterestTerms> terms() {
        Map<Long, InterestTerms> terms = new HashMap<>();
        jdbc.query("SELECT id, annual_rate, penalty_markup, maturity_date FROM facility", (RowCallbackHandler) rs ->
                terms.put(rs.getLong(1), new InterestTerms(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getDate(4).toLocalDate())));
        return terms;
    }

    /** D−1's states; one still waiting for its 结息 (a day that never finished) is settled here in memory. */
    private Map<PositionKey, PositionState> previousStates(LocalDate d, Map<Long, InterestTerms> terms) {
        LocalDate yesterday = d.minusDays(1);
        Map<PositionKey, PositionState> states = states("business_date = ?", yesterday);
        jdbc.query("SELECT facility_id, project_id FROM interest_accrual WHERE business_date = ? AND "
                + "settlement_pending = 1", (RowCallbackHandler) rs -> {
                    PositionKey key = new PositionKey(rs.getLong(1), rs.getLong(2));
                    states.put(key, AccumulatedBalanceInterest.settle(terms.get(key.facilityId()), states.get(key),
                            yesterday).state());
                }, Date.valueOf(yesterday));
        return states;
    }

    private Map<PositionKey, PositionState> states(String where, LocalDate d) {
        Map<PositionKey, PositionState> states = new HashMap<>();
        streaming.query("SELECT facility_id, project_id, principal, period_start, balance_days, penalty_balance_days, "
                + "settled, interest_paid, interest_due, penalty_settled, penalty_paid, penalty_due "
                + "FROM interest_accrual WHERE " + where, (RowCallbackHandler) rs -> states.put(
                new PositionKey(rs.getLong(1), rs.getLong(2)), new PositionState(rs.getBigDecimal(3),
                        toDate(rs, 4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                        rs.getBigDecimal(12))), Date.valueOf(d));
        return states;
    }

    /**
     * Positions with history before D but no state for D−1 (the first close, or a position the accrual table has
     * never seen) are replayed from the ledger in one ordered stream.
     */
    private void bootstrapMissing(LocalDate d, Map<Long, InterestTerms> terms, Map<PositionKey, PositionState> states,
                                  Set<PositionKey> todays) {
        Set<PositionKey> missing = new HashSet<>();
        jdbc.query("SELECT DISTINCT facility_id, COALESCE(project_id, 0) FROM ledger_entry WHERE value_date < ? "
                + "AND (project_id IS NOT NULL OR entry_type IN ('DRAWDOWN', 'CENTRAL_REPAYMENT'))",
                (RowCallbackHandler) rs -> {
                    PositionKey key = new PositionKey(rs.getLong(1), rs.getLong(2));
                    if (!states.containsKey(key)) {
                        missing.add(key);
                    }
                }, Date.valueOf(d));
        if (missing.isEmpty()) {
            return;
        }
        Map<PositionKey, List<PositionEvent>> history = events("value_date < ?", d);
        for (PositionKey key : missing) {
            states.put(key, AccumulatedBalanceInterest.stateAt(terms.get(key.facilityId()),
                    history.getOrDefault(key, List.of()), d.minusDays(1)));
        }
    }

    /** Ledger rows as interest events per position, in posting order (one streamed query). */
    private Map<PositionKey, List<PositionEvent>> events(String where, LocalDate d) {
        Map<PositionKey, List<PositionEvent>> events = new LinkedHashMap<>();
        streaming.query("SELECT facility_id, project_id, entry_type, value_date, amount, principal, interest, penalty "
                + "FROM ledger_entry WHERE " + where + " ORDER BY value_date, id", (RowCallbackHandler) rs -> {
                    EntryType type = EntryType.valueOf(rs.getString(3));
                    long project = rs.getLong(2);
                    boolean facilityLevel = rs.wasNull();
                    if (facilityLevel && type != EntryType.DRAWDOWN && type != EntryType.CENTRAL_REPAYMENT) {
                        return;
                    }
                    PositionKey key = new PositionKey(rs.getLong(1), facilityLevel ? PositionKey.FACILITY_ITSELF
                            : project);
                    events.computeIfAbsent(key, k -> new ArrayList<>()).add(PositionInterest.event(type,
                            rs.getDate(4).toLocalDate(), rs.getBigDecimal(5), rs.getBigDecimal(6),
                            rs.getBigDecimal(7), rs.getBigDecimal(8)));
                }, Date.valueOf(d));
        return events;
    }

    private static LocalDate toDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
