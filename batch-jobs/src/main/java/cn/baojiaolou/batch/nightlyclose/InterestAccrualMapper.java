package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.loan.domain.interest.PositionState;
import cn.baojiaolou.loan.domain.interest.Settlement;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The reads and writes of steps 1 and 2 of the nightly close (InterestAccrualMapper.xml beside this package): the
 * stored 积数 state of every position, the ledger rows as interest events, and the upserts of the day's state and
 * settlements. The large reads stream (a fetch size, a result handler); the writes are multi-row upserts keyed by
 * (date, position), so writing a chunk twice leaves the same rows.
 */
@Mapper
public interface InterestAccrualMapper {

    /** The contract terms of every facility, by id. */
    record FacilityTerms(Long id, BigDecimal annualRate, BigDecimal penaltyMarkup, LocalDate maturityDate) {
    }

    /** A position's stored state at the end of a business date; settlementPending: its 结息 is still to come. */
    record StoredState(Long facilityId, Long projectId, BigDecimal principal, LocalDate periodStart,
                       BigDecimal balanceDays, BigDecimal penaltyBalanceDays, BigDecimal settled,
                       BigDecimal interestPaid, BigDecimal interestDue, BigDecimal penaltySettled,
                       BigDecimal penaltyPaid, BigDecimal penaltyDue, BigDecimal rateAdjustment,
                       BigDecimal penaltyRateAdjustment, Boolean settlementPending) {

        public PositionState state() {
            return new PositionState(principal, periodStart, balanceDays, penaltyBalanceDays, settled, interestPaid,
                    interestDue, penaltySettled, penaltyPaid, penaltyDue, rateAdjustment, penaltyRateAdjustment);
        }
    }

    /** A ledger row as the interest sees it; projectId null for a facility's own rows (drawdowns, 统还). */
    record EventRow(Long facilityId, Long projectId, String entryType, LocalDate valueDate, BigDecimal amount,
                    BigDecimal principal, BigDecimal interest, BigDecimal penalty) {
    }

    /** A position: projectId 0 is the facility itself. */
    record PositionRow(Long facilityId, Long projectId) {
    }

    /** One interest_accrual row to write: the state at the end of businessDate. */
    record AccrualRow(LocalDate businessDate, long facilityId, long projectId, PositionState state,
                      BigDecimal accrued, boolean settlementPending) {
    }

    /** One interest_settlement row to write. */
    record SettlementRow(LocalDate settleDate, long facilityId, long projectId, Settlement settlement) {
    }

    List<FacilityTerms> terms();

    /** An approved change of a facility's terms (展期 or a new rate), for interest to read from its effective day. */
    record TermStep(Long facilityId, LocalDate effectiveOn, BigDecimal annualRate, LocalDate maturityDate) {
    }

    /** Every approved term change, by facility and effective date. */
    List<TermStep> termSteps();

    /** The states stored for {@code businessDate}, streamed; only those still waiting for their 结息 if asked. */
    void states(@Param("businessDate") LocalDate businessDate, @Param("pendingOnly") boolean pendingOnly,
                ResultHandler<StoredState> handler);

    /** The positions with a ledger row dated before {@code day}. */
    List<PositionRow> positionsBefore(@Param("day") LocalDate day);

    /** The ledger rows dated {@code day} (or before it), in posting order, streamed. */
    void events(@Param("day") LocalDate day, @Param("before") boolean before, ResultHandler<EventRow> handler);

    int upsertAccruals(@Param("rows") List<AccrualRow> rows);

    int upsertSettlements(@Param("rows") List<SettlementRow> rows);
}
