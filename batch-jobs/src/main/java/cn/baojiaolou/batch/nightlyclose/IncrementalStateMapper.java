package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.rules.RuleMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The close's incremental state (V5, IncrementalStateMapper.xml beside this package): checkpoints, the take-in of new
 * statement lines and payments into the open tables, the flagged disbursements, the running totals per position and
 * the milestone state (V21).
 * Everything here is set-based: one statement moves a whole day's rows.
 */
@Mapper
public interface IncrementalStateMapper {

    /** A checkpoint row: asOf (null for the id-only ones), lastId, priorId. */
    record CheckpointRow(LocalDate asOf, Long lastId, Long priorId) {
    }

    CheckpointRow checkpoint(@Param("source") String source);

    void saveCheckpoint(@Param("source") String source, @Param("asOf") LocalDate asOf, @Param("lastId") long lastId);

    void saveFlagCheckpoint(@Param("source") String source, @Param("lastId") long lastId,
                            @Param("priorId") long priorId);

    /** The ids of statement lines after {@code from}, read with shared locks (the barrier), streamed. */
    void lineIdsAfter(@Param("from") long from, ResultHandler<Long> handler);

    /** The ids of ledger rows after {@code from}, read with shared locks (the barrier), streamed. */
    void ledgerIdsAfter(@Param("from") long from, ResultHandler<Long> handler);

    /** The ids of milestones after {@code from}, read with shared locks (the barrier), streamed. */
    void milestoneIdsAfter(@Param("from") long from, ResultHandler<Long> handler);

    /** The ids of milestone verifications after {@code from}, read with shared locks (the barrier), streamed. */
    void verificationIdsAfter(@Param("from") long from, ResultHandler<Long> handler);

    int takeInLines(@Param("from") long from, @Param("to") long to);

    int takeInPayments(@Param("from") long from, @Param("to") long to);

    Long maxDisbursementId();

    /** Flags the disbursements in (prior, to] whose payee or purpose is out of the ordinary. */
    int flagDisbursements(@Param("prior") long prior, @Param("to") long to,
                          @Param("purposes") Collection<String> prohibitedPurposes);

    /** The highest id in (prior, to] of a disbursement requested more than 10 minutes ago. */
    Long settledFlagMark(@Param("prior") long prior, @Param("to") long to);

    int dropMatchedLines();

    int dropMatchedPayments();

    // --- the milestone state (V21); r: the milestones and verifications taken in ----------------------------------

    /** Takes the milestones of r without a verification up to r's end into milestone_open. */
    int takeInOpenMilestones(@Param("r") RuleMapper.MilestoneRange r);

    /** Removes from milestone_open the milestones verified by the verifications of r. */
    int dropVerifiedMilestones(@Param("r") RuleMapper.MilestoneRange r);

    /** Raises each project's verified cap and last verification date by the verifications of r. */
    int advanceProjectState(@Param("r") RuleMapper.MilestoneRange r);

    /** Deletes the stored gaps of the projects of r (before they are cut again). */
    int deleteGaps(@Param("r") RuleMapper.MilestoneRange r);

    /** Deletes the gaps cut with another idle-days threshold. */
    int deleteGapsCutWithOtherDays(@Param("idleDays") int idleDays);

    /** Cuts and stores the gaps of the projects of r (RuleMapper.xml, idleGapRows). */
    int insertGaps(@Param("r") RuleMapper.MilestoneRange r, @Param("idleDays") int idleDays);

    /**
     * Adds to the running totals the rows posted in (lastId, to] with value date ≤ day and the older rows (id ≤ lastId)
     * whose value date lies in (asOf, day].
     */
    int advanceTotals(@Param("lastId") long lastId, @Param("to") long to, @Param("day") LocalDate day,
                      @Param("asOf") LocalDate asOf);
}
