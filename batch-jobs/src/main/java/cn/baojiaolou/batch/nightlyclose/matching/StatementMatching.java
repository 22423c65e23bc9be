package cn.baojiaolou.batch.nightlyclose.matching;

import cn.baojiaolou.batch.nightlyclose.rules.RuleThresholds;
import cn.baojiaolou.loan.common.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
 * <p>Candidates are read with one JOIN per pass; nothing is queried per line.
 */
@Component
public class StatementMatching {

    public static final String VOUCHER = "VOUCHER";
    public static final String FUZZY = "FUZZY";
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(StatementMatching.class);
    private static final Comparator<MatchingMapper.Candidate> ORDER =
            Comparator.comparing(MatchingMapper.Candidate::bankLineId)
                    .thenComparing(MatchingMapper.Candidate::distance)
                    .thenComparing(MatchingMapper.Candidate::ledgerEntryId);

    private final MatchingMapper mapper;
    private final RuleThresholds thresholds;
    private final BusinessClock clock;

    public StatementMatching(MatchingMapper mapper, RuleThresholds thresholds, BusinessClock clock) {
        this.mapper = mapper;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public MatchResult match(LocalDate businessDate) {
        Set<Long> takenLines = new HashSet<>();
        Set<Long> takenEntries = new HashSet<>();

        List<MatchingMapper.Candidate> byVoucher = sorted(mapper.voucherCandidates(businessDate));
        List<MatchingMapper.Pair> voucher = pick(byVoucher, MatchingMapper.Candidate::sameAmount, takenLines,
                takenEntries, Set.of(), Set.of());
        insert(voucher, VOUCHER, businessDate);

        // a voucher shared with another amount, both sides still unpaired: left for AMOUNT_MISMATCH
        Set<Long> conflictLines = new HashSet<>();
        Set<Long> conflictEntries = new HashSet<>();
        for (MatchingMapper.Candidate c : byVoucher) {
            if (!c.sameAmount() && !takenLines.contains(c.bankLineId())
                    && !takenEntries.contains(c.ledgerEntryId())) {
                conflictLines.add(c.bankLineId());
                conflictEntries.add(c.ledgerEntryId());
            }
        }

        List<MatchingMapper.Candidate> byAmount =
                sorted(mapper.fuzzyCandidates(businessDate, thresholds.matchWindowDays()));
        List<MatchingMapper.Pair> fuzzy = pick(byAmount, c -> true, takenLines, takenEntries, conflictLines,
                conflictEntries);
        insert(fuzzy, FUZZY, businessDate);

        MatchResult result = new MatchResult(voucher.size(), fuzzy.size());
        log.info("statement matching {}: {} by voucher, {} fuzzy ({} voucher conflicts left unpaired)",
                businessDate, result.voucher(), result.fuzzy(), conflictLines.size());
        return result;
    }

    /** Greedy in line-id order: each free line takes its first free acceptable candidate. */
    private static List<MatchingMapper.Pair> pick(List<MatchingMapper.Candidate> candidates,
                                                  Predicate<MatchingMapper.Candidate> acceptable,
                                                  Set<Long> takenLines, Set<Long> takenEntries,
                                                  Set<Long> excludedLines, Set<Long> excludedEntries) {
        List<MatchingMapper.Pair> pairs = new ArrayList<>();
        for (MatchingMapper.Candidate c : candidates) {
            if (takenLines.contains(c.bankLineId()) || excludedLines.contains(c.bankLineId())
                    || takenEntries.contains(c.ledgerEntryId()) || excludedEntries.contains(c.ledgerEntryId())
                    || !acceptable.test(c)) {
                continue;
            }
            takenLines.add(c.bankLineId());
            takenEntries.add(c.ledgerEntryId());
            pairs.add(new MatchingMapper.Pair(c.bankLineId(), c.ledgerEntryId()));
        }
        return pairs;
    }

    private void insert(List<MatchingMapper.Pair> pairs, String method, LocalDate businessDate) {
        for (int from = 0; from < pairs.size(); from += BATCH) {
            mapper.insertMatches(pairs.subList(from, Math.min(pairs.size(), from + BATCH)), method, businessDate,
                    clock.nowUtc());
        }
    }

    private static List<MatchingMapper.Candidate> sorted(List<MatchingMapper.Candidate> candidates) {
        List<MatchingMapper.Candidate> copy = new ArrayList<>(candidates);
        copy.sort(ORDER);
        return copy;
    }
}
