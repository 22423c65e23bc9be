package cn.baojiaolou.batch.nightlyclose.matching;

import cn.baojiaolou.batch.nightlyclose.IncrementalState;
import cn.baojiaolou.batch.nightlyclose.rules.RuleThresholds;
import cn.baojiaolou.loan.common.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 2 of the nightly close: pairs the 专户 statement lines (value date ≤ D) with the ledger rows of the same
 * facility and writes bank_match rows (business date D).
 * <ol>
 *   <li><b>VOUCHER</b>: same voucher number, same direction (DEBIT ↔ PAYMENT, CENTRAL_REPAYMENT; CREDIT ↔ DRAWDOWN,
 *       PROJECT_REPAYMENT, PAYMENT_REVERSAL) and same amount. A line and a row sharing a voucher but not the
 *       amount are not paired, and while both stay unpaired neither takes part in the fuzzy pass either, so
 *       AMOUNT_MISMATCH reports them instead of a fuzzy pair hiding them.</li>
 *   <li><b>FUZZY</b>: same direction, same amount, value dates at most {@code loan.rules.match-window-days} (3)
 *       apart; for a payment the line's counterparty account must be the payee's account number.</li>
 * </ol>
 * One-to-one, decided deterministically: unmatched lines in id order, each taking the free candidate with the
 * smallest date distance, then the smallest ledger id. Only unmatched lines and rows take part, so a rerun for the
 * same D adds nothing. Matches are inserted in line-id order, in batches: a run interrupted part-way has written a
 * prefix of what the full run writes, and a rerun computes the same rest (the lines already written have taken
 * their rows; the lines not yet written find the same free rows as before).
 * <p>The lines come from the open lines ({@link IncrementalState}), taken in first, and matched ones are dropped
 * from them at the end, so a night reads only its new lines and those still unmatched. Candidates are streamed in
 * that order by one JOIN per pass; nothing is queried per line, and only the ledger rows taken so far and the
 * voucher conflicts are held in memory.
 */
@Component
public class StatementMatching {

    public static final String VOUCHER = "VOUCHER";
    public static final String FUZZY = "FUZZY";
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(StatementMatching.class);

    private final MatchingMapper mapper;
    private final RuleThresholds thresholds;
    private final BusinessClock clock;
    private final IncrementalState state;

    public StatementMatching(MatchingMapper mapper, RuleThresholds thresholds, BusinessClock clock,
                             IncrementalState state) {
        this.mapper = mapper;
        this.thresholds = thresholds;
        this.clock = clock;
        this.state = state;
    }

    public MatchResult match(LocalDate businessDate) {
        state.takeIn();
        Set<Long> takenEntries = new HashSet<>();

        // same voucher, another amount: held until the pass is over, to find the conflicts still unpaired
        List<MatchingMapper.Candidate> otherAmount = new ArrayList<>();
        Picker voucher = new Picker(VOUCHER, businessDate, takenEntries, Set.of(), Set.of());
        mapper.voucherCandidates(businessDate, ctx -> {
            MatchingMapper.Candidate c = ctx.getResultObject();
            if (c.sameAmount()) {
                voucher.offer(c);
            } else {
                otherAmount.add(c);
            }
        });
        voucher.flush();

        Set<Long> conflictLines = new HashSet<>();
        Set<Long> conflictEntries = new HashSet<>();
        for (MatchingMapper.Candidate c : otherAmount) {
            if (!voucher.takenLines.contains(c.bankLineId()) && !takenEntries.contains(c.ledgerEntryId())) {
                conflictLines.add(c.bankLineId());
                conflictEntries.add(c.ledgerEntryId());
            }
        }

        Picker fuzzy = new Picker(FUZZY, businessDate, takenEntries, conflictLines, conflictEntries);
        mapper.fuzzyCandidates(businessDate, thresholds.matchWindowDays(), ctx -> fuzzy.offer(ctx.getResultObject()));
        fuzzy.flush();
        state.dropMatched();

        MatchResult result = new MatchResult(voucher.count, fuzzy.count);
        log.info("statement matching {}: {} by voucher, {} fuzzy ({} voucher conflicts left unpaired)",
                businessDate, result.voucher(), result.fuzzy(), conflictLines.size());
        return result;
    }

    /**
     * Greedy over candidates arriving in line-id order: each free line takes its first free acceptable candidate;
     * pairs are written in batches as they are decided.
     */
    private final class Picker {
        private final String method;
        private final LocalDate businessDate;
        private final Set<Long> takenEntries;
        private final Set<Long> excludedLines;
        private final Set<Long> excludedEntries;
        // only the voucher pass's lines are needed later (for the conflicts); lines arrive in id order
        private final Set<Long> takenLines = new HashSet<>();
        private final List<MatchingMapper.Pair> pending = new ArrayList<>();
        private int count;

        Picker(String method, LocalDate businessDate, Set<Long> takenEntries, Set<Long> excludedLines,
               Set<Long> excludedEntries) {
            this.method = method;
            this.businessDate = businessDate;
            this.takenEntries = takenEntries;
            this.excludedLines = excludedLines;
            this.excludedEntries = excludedEntries;
        }

        void offer(MatchingMapper.Candidate c) {
            if (takenLines.contains(c.bankLineId()) || excludedLines.contains(c.bankLineId())
                    || takenEntries.contains(c.ledgerEntryId()) || excludedEntries.contains(c.ledgerEntryId())) {
                return;
            }
            takenLines.add(c.bankLineId());
            takenEntries.add(c.ledgerEntryId());
            pending.add(new MatchingMapper.Pair(c.bankLineId(), c.ledgerEntryId()));
            count++;
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                mapper.insertMatches(pending, method, businessDate, clock.nowUtc());
                pending.clear();
            }
        }
    }
}
