package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.rules.ProhibitedPurposeRule;
import cn.baojiaolou.batch.nightlyclose.rules.RuleMapper.MilestoneRange;
import cn.baojiaolou.batch.nightlyclose.rules.RuleThresholds;
import org.apache.ibatis.session.ResultHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

/**
 * The state that lets a night's close read what changed since the last one (V5): the open, unmatched statement lines
 * and payments ({@code match_open_line}, {@code match_open_payment}), the running totals per facility and project
 * ({@code ledger_position_total}) and the out-of-the-ordinary disbursements ({@code disbursement_flag}), with their
 * checkpoints in {@code close_checkpoint}. Everything is derived and written set-based (IncrementalStateMapper.xml);
 * rules and matching read the state plus the rows past its checkpoint, so they answer the same as a scan of the whole
 * history.
 * <p>A checkpoint's id of the insert-only tables (ledger rows, statement lines) is taken behind a barrier: a locking
 * read of the rows past the previous checkpoint waits for any posting still in flight, so no row with a smaller id can
 * commit later and be missed for ever. Disbursements, which are updated, use an overlap instead (see
 * {@link #flagDisbursements()}).
 * <p>The milestone state (V21, {@link #takeInMilestones()}) is kept the same way: milestones and verifications are
 * only inserted, so their checkpoints are ids behind the same barrier.
 */
@Component
public class IncrementalState {

    public static final String LEDGER_TOTALS = "ledger-totals";
    public static final String OPEN_LEDGER = "open-ledger";
    public static final String OPEN_LINE = "open-line";
    public static final String FLAGGED_DISBURSEMENT = "flagged-disbursement";
    public static final String MILESTONE = "milestone";
    public static final String MILESTONE_VERIFICATION = "milestone-verification";

    /** A checkpoint: the rows with id ≤ lastId (and, for the totals, value date ≤ asOf) are in the state. */
    public record Checkpoint(LocalDate asOf, long lastId) {
        public static final Checkpoint NONE = new Checkpoint(LocalDate.of(1000, 1, 1), 0);
    }

    public record Counts(int lines, int payments, int disbursements) {
        public int total() {
            return lines + payments + disbursements;
        }
    }

    /** What a milestone take-in wrote: open milestones added and dropped, projects' caps raised, gaps stored. */
    public record MilestoneCounts(int opened, int verified, int projects, int gaps) {
        public int total() {
            return opened + verified + projects + gaps;
        }
    }

    private enum Barrier { LINES, LEDGER, MILESTONES, VERIFICATIONS }

    private final IncrementalStateMapper mapper;
    private final TransactionTemplate tx;
    private final RuleThresholds thresholds;

    public IncrementalState(IncrementalStateMapper mapper, TransactionTemplate tx, RuleThresholds thresholds) {
        this.mapper = mapper;
        this.tx = tx;
        this.thresholds = thresholds;
    }

    public Checkpoint checkpoint(String source) {
        IncrementalStateMapper.CheckpointRow row = mapper.checkpoint(source);
        if (row == null) {
            return Checkpoint.NONE;
        }
        return new Checkpoint(row.asOf() == null ? Checkpoint.NONE.asOf() : row.asOf(),
                row.lastId() == null ? 0 : row.lastId());
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
            long to = barrier(from, Barrier.LINES);
            counts[0] = mapper.takeInLines(from, to);
            mapper.saveCheckpoint(OPEN_LINE, null, to);
        });
        tx.executeWithoutResult(s -> {
            long from = checkpoint(OPEN_LEDGER).lastId();
            long to = barrier(from, Barrier.LEDGER);
            counts[1] = mapper.takeInPayments(from, to);
            mapper.saveCheckpoint(OPEN_LEDGER, null, to);
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
            IncrementalStateMapper.CheckpointRow row = mapper.checkpoint(FLAGGED_DISBURSEMENT);
            long prior = row == null || row.priorId() == null ? 0 : row.priorId();
            Long max = mapper.maxDisbursementId();
            long to = max == null ? prior : Math.max(prior, max);
            int flagged = mapper.flagDisbursements(prior, to, ProhibitedPurposeRule.PROHIBITED);
            Long settled = mapper.settledFlagMark(prior, to);
            mapper.saveFlagCheckpoint(FLAGGED_DISBURSEMENT, to, settled == null ? prior : settled);
            return flagged;
        });
        return n == null ? 0 : n;
    }

    /**
     * Takes the milestones and verifications inserted since the last take-in into the milestone state, in one
     * transaction with its two checkpoints (a restart finds it done or does it whole): new milestones without a
     * verification join milestone_open and verified ones leave it, each project's verified cap and last verification
     * date move up, and the gaps of every project that got either are cut again from its milestones. With both
     * checkpoints at 0 (the first close, or after the state was emptied) that is the whole history, in bulk.
     */
    public MilestoneCounts takeInMilestones() {
        return tx.execute(s -> {
            long milestoneFrom = checkpoint(MILESTONE).lastId();
            long verificationFrom = checkpoint(MILESTONE_VERIFICATION).lastId();
            long milestoneTo = barrier(milestoneFrom, Barrier.MILESTONES);
            long verificationTo = barrier(verificationFrom, Barrier.VERIFICATIONS);
            MilestoneRange r = new MilestoneRange(milestoneFrom, milestoneTo, verificationFrom, verificationTo);
            int opened = mapper.takeInOpenMilestones(r);
            int verified = mapper.dropVerifiedMilestones(r);
            int projects = mapper.advanceProjectState(r);
            // gaps cut with another idle-days threshold (the configuration changed): cut every project's again
            int days = thresholds.idleDays();
            MilestoneRange cut = mapper.deleteGapsCutWithOtherDays(days) > 0
                    ? new MilestoneRange(0, milestoneTo, 0, verificationTo) : r;
            mapper.deleteGaps(cut);
            int gaps = mapper.insertGaps(cut, days);
            mapper.saveCheckpoint(MILESTONE, null, milestoneTo);
            mapper.saveCheckpoint(MILESTONE_VERIFICATION, null, verificationTo);
            return new MilestoneCounts(opened, verified, projects, gaps);
        });
    }

    /** Removes from the open tables what has been matched (run after matching; until then readers skip them). */
    public int dropMatched() {
        return mapper.dropMatchedLines() + mapper.dropMatchedPayments();
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
            long to = barrier(c.lastId(), Barrier.LEDGER);
            int n = mapper.advanceTotals(c.lastId(), to, d, c.asOf());
            mapper.saveCheckpoint(LEDGER_TOTALS, d, to);
            return n;
        });
        return positions == null ? 0 : positions;
    }

    /**
     * The highest id of the statement lines (ledger rows, milestones, verifications) after {@code from}, read with
     * shared locks in the caller's transaction: the read waits for a posting still uncommitted in that range, and any
     * later posting gets a higher id.
     */
    private long barrier(long from, Barrier table) {
        long[] max = {from};
        ResultHandler<Long> highest = ctx -> max[0] = Math.max(max[0], ctx.getResultObject());
        switch (table) {
            case LINES -> mapper.lineIdsAfter(from, highest);
            case LEDGER -> mapper.ledgerIdsAfter(from, highest);
            case MILESTONES -> mapper.milestoneIdsAfter(from, highest);
            case VERIFICATIONS -> mapper.verificationIdsAfter(from, highest);
        }
        return max[0];
    }
}
