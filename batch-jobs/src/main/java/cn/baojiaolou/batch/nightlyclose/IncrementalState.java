package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.rules.ProhibitedPurposeRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The state that lets a night's close read what changed since the last one (V5): the open, unmatched statement lines
 * and payments ({@code match_open_line}, {@code match_open_payment}), the running totals per facility and project
 * ({@code ledger_position_total}) and the out-of-the-ordinary disbursements ({@code disbursement_flag}), with their
 * checkpoints in {@code close_checkpoint}. Everything is derived and written set-based; rules and matching read the
 * state plus the rows past its checkpoint, so they answer the same as a scan of the whole history.
 * <p>A checkpoint's id of the insert-only tables (ledger rows, statement lines) is taken behind a barrier: a locking
 * read of the rows past the previous checkpoint waits for any posting still in flight, so no row with a smaller id can
 * commit later and be missed for ever. Disbursements, which are updated, use an overlap instead (see
 * {@link #flagDisbursements()}).
 */
@Component
public class IncrementalState {

    public static final String LEDGER_TOTALS = "ledger-totals";
    public static final String OPEN_LEDGER = "open-ledger";
    public static final String OPEN_LINE = "open-line";
    public static final String FLAGGED_DISBURSEMENT = "flagged-disbursement";

    /** A checkpoint: the rows with id ≤ lastId (and, for the totals, value date ≤ asOf) are in the state. */
    public record Checkpoint(LocalDate asOf, long lastId) {
        public static final Checkpoint NONE = new Checkpoint(LocalDate.of(1000, 1, 1), 0);
    }

    public record Counts(int lines, int payments, int disbursements) {
        public int total() {
            return lines + payments + disbursements;
        }
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;

    public IncrementalState(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    public Checkpoint checkpoint(String source) {
        List<Checkpoint> rows = jdbc.query("SELECT as_of, last_id FROM close_checkpoint WHERE source = ?",
                (rs, i) -> new Checkpoint(rs.getDate(1) == null ? Checkpoint.NONE.asOf() : rs.getDate(1).toLocalDate(),
                        rs.getLong(2)), source);
        return rows.isEmpty() ? Checkpoint.NONE : rows.get(0);
    }

    /**
     * Takes the statement lines and PAYMENT rows posted since the last take-in into the open tables, unless already
     * matched, and flags the new out-of-the-ordinary disbursements. Idempotent: a row taken twice is kept once
     * (primary key).
     */
    public Counts takeIn() {
        int[] counts = new int[2];
        tx.executeWithoutResult(s -> {
            long from = checkpoint(OPEN_LINE).lastId();
            long to = barrier("bank_statement_line", from);
            counts[0] = jdbc.update("INSERT IGNORE INTO match_open_line (bank_line_id) SELECT l.id "
                    + "FROM bank_statement_line l WHERE l.id > ? AND l.id <= ? "
                    + "AND NOT EXISTS (SELECT 1 FROM bank_match bm WHERE bm.bank_line_id = l.id)", from, to);
            save(OPEN_LINE, null, to);
        });
        tx.executeWithoutResult(s -> {
            long from = checkpoint(OPEN_LEDGER).lastId();
            long to = barrier("ledger_entry", from);
            counts[1] = jdbc.update("INSERT IGNORE INTO match_open_payment (ledger_entry_id, value_date) "
                    + "SELECT e.id, e.value_date FROM ledger_entry e WHERE e.id > ? AND e.id <= ? "
                    + "AND e.entry_type = 'PAYMENT' "
                    + "AND NOT EXISTS (SELECT 1 FROM bank_match bm WHERE bm.ledger_entry_id = e.id)", from, to);
            save(OPEN_LEDGER, null, to);
        });
        return new Counts(counts[0], counts[1], flagDisbursements());
    }

    /**
     * Flags the disbursements past the prior mark whose payee or purpose is out of the ordinary (the conditions of
     * PAYEE_NOT_REGISTERED and PROHIBITED_PURPOSE without their dates). Disbursements are updated while they move on
     * (approval, payment), so no locking barrier here. Instead the prior mark only moves up to a disbursement
     * requested more than 10 minutes ago: every smaller id was inserted before it and has committed since, so each
     * take-in looks again at the newer rows, readers read them live, and a request that committed late is never
     * missed.
     */
    private int flagDisbursements() {
        Integer n = tx.execute(s -> {
            List<Long> rows = jdbc.query("SELECT COALESCE(prior_id, 0) FROM close_checkpoint WHERE source = ?",
                    (rs, i) -> rs.getLong(1), FLAGGED_DISBURSEMENT);
            long prior = rows.isEmpty() ? 0 : rows.get(0);
            Long max = jdbc.queryForObject("SELECT MAX(id) FROM disbursement", Long.class);
            long to = max == null ? prior : Math.max(prior, max);
            String purposes = String.join(", ", ProhibitedPurposeRule.PROHIBITED.stream().map(x -> "?").toList());
            List<Object> args = new ArrayList<>(List.of(prior, to));
            args.addAll(ProhibitedPurposeRule.PROHIBITED);
            int flagged = jdbc.update("INSERT IGNORE INTO disbursement_flag (disbursement_id) SELECT d.id "
                    + "FROM disbursement d JOIN project p ON p.id = d.project_id JOIN payee y ON y.id = d.payee_id "
                    + "WHERE d.id > ? AND d.id <= ? AND (y.project_id <> d.project_id OR y.kind = 'DEVELOPER' "
                    + "OR (p.developer_account_no IS NOT NULL AND TRIM(p.developer_account_no) <> '' "
                    + "    AND REPLACE(y.account_no, ' ', '') = REPLACE(p.developer_account_no, ' ', '')) "
                    + "OR TRIM(d.purpose) IN (" + purposes + "))", args.toArray());
            Long safe = jdbc.queryForObject("SELECT MAX(id) FROM disbursement WHERE id > ? AND id <= ? "
                    + "AND requested_at < UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE", Long.class, prior, to);
            jdbc.update("INSERT INTO close_checkpoint (source, as_of, last_id, prior_id, taken_at) "
                    + "VALUES (?, NULL, ?, ?, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE last_id = VALUES(last_id), "
                    + "prior_id = VALUES(prior_id), taken_at = VALUES(taken_at)", FLAGGED_DISBURSEMENT, to,
                    safe == null ? prior : safe);
            return flagged;
        });
        return n == null ? 0 : n;
    }

    /** Removes from the open tables what has been matched (run after matching; until then readers skip them). */
    public int dropMatched() {
        return jdbc.update("DELETE o FROM match_open_line o JOIN bank_match bm ON bm.bank_line_id = o.bank_line_id")
                + jdbc.update("DELETE o FROM match_open_payment o "
                + "JOIN bank_match bm ON bm.ledger_entry_id = o.ledger_entry_id");
    }

    /**
     * Moves the running totals forward to the end of D: adds the rows posted since the checkpoint with value date
     * ≤ D, and the older rows whose value date falls after the checkpoint's date and on or before D. One
     * transaction with the checkpoint, so a restart either finds it done or does it whole. Never moves backwards: a
     * date at or before the checkpoint leaves it alone (readers subtract what lies between).
     */
    public int advanceTotals(LocalDate d) {
        Integer positions = tx.execute(s -> {
            Checkpoint c = checkpoint(LEDGER_TOTALS);
            if (!c.asOf().isBefore(d)) {
                return 0;
            }
            long to = barrier("ledger_entry", c.lastId());
            Date day = Date.valueOf(d);
            int n = jdbc.update("INSERT INTO ledger_position_total (facility_id, project_id, net_paid, account_effect) "
                    + "SELECT facility_id, project_id, SUM(net_paid), SUM(account_effect) FROM ("
                    + "  SELECT facility_id, COALESCE(project_id, 0) AS project_id, " + NET_PAID + " AS net_paid, "
                    + "         account_effect FROM ledger_entry WHERE id > ? AND id <= ? AND value_date <= ?"
                    + "  UNION ALL"
                    + "  SELECT facility_id, COALESCE(project_id, 0), " + NET_PAID + ", account_effect "
                    + "  FROM ledger_entry WHERE id <= ? AND value_date > ? AND value_date <= ?"
                    + ") t GROUP BY facility_id, project_id "
                    + "ON DUPLICATE KEY UPDATE net_paid = net_paid + VALUES(net_paid), "
                    + "account_effect = account_effect + VALUES(account_effect)",
                    c.lastId(), to, day, c.lastId(), Date.valueOf(c.asOf()), day);
            save(LEDGER_TOTALS, d, to);
            return n;
        });
        return positions == null ? 0 : positions;
    }

    /** PAYMENT adds, PAYMENT_REVERSAL subtracts, other rows leave net paid alone. */
    public static final String NET_PAID = "CASE entry_type WHEN 'PAYMENT' THEN amount WHEN 'PAYMENT_REVERSAL' THEN -amount "
            + "ELSE 0 END";

    private void save(String source, LocalDate asOf, long lastId) {
        jdbc.update("INSERT INTO close_checkpoint (source, as_of, last_id) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE as_of = VALUES(as_of), last_id = VALUES(last_id)", source,
                asOf == null ? null : Date.valueOf(asOf), lastId);
    }

    /**
     * The highest id of {@code table} after {@code from}, read with shared locks in the caller's transaction: the read
     * waits for a posting still uncommitted in that range, and any later posting gets a higher id.
     */
    private long barrier(String table, long from) {
        long[] max = {from};
        streaming.query("SELECT id FROM " + table + " WHERE id > ? ORDER BY id LOCK IN SHARE MODE",
                (RowCallbackHandler) rs -> max[0] = Math.max(max[0], rs.getLong(1)), from);
        return max[0];
    }
}
