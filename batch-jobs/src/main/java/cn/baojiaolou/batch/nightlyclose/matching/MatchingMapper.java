package cn.baojiaolou.batch.nightlyclose.matching;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Candidate pairs of unmatched 专户 bank lines and unmatched ledger rows, and the bank_match inserts. */
@Mapper
public interface MatchingMapper {

    /** A possible pair: the two amounts and the distance of their value dates in days. */
    record Candidate(Long bankLineId, Long ledgerEntryId, BigDecimal bankAmount, BigDecimal ledgerAmount,
                     Integer distance) {

        public boolean sameAmount() {
            return bankAmount.compareTo(ledgerAmount) == 0;
        }
    }

    record Pair(long bankLineId, long ledgerEntryId) {
    }

    /**
     * Unmatched lines (from the open lines) and unmatched rows (value dates on or before D) of the same facility and
     * direction with the same voucher number, whatever their amounts; streamed in line id, date distance, ledger id
     * order.
     */
    void voucherCandidates(@Param("businessDate") LocalDate businessDate, ResultHandler<Candidate> handler);

    /**
     * Unmatched lines (from the open lines) and unmatched rows of the same facility and direction, with the same
     * amount and value dates at most {@code windowDays} apart; a payment only when the line's counterparty account is
     * its payee's account. Streamed in the same order.
     */
    void fuzzyCandidates(@Param("businessDate") LocalDate businessDate, @Param("windowDays") int windowDays,
                         ResultHandler<Candidate> handler);

    int insertMatches(@Param("pairs") List<Pair> pairs, @Param("method") String method,
                      @Param("businessDate") LocalDate businessDate, @Param("createdAt") LocalDateTime createdAt);
}
