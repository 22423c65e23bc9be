package cn.baojiaolou.loan.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 积数计息法, exactly as DOMAIN.md states it.
 * <ul>
 *   <li>Every calendar day adds that day's closing principal to the period's 积数 (balance-days), ACT/360.</li>
 *   <li>算头不算尾: an advance on day X is in X's closing balance; a repayment on day Y is not in Y's.</li>
 *   <li>结息日 is the 20th of March, June, September and December, and the maturity date. A settlement covers the
 *       days after the previous one up to and including this one, is rounded half-up to the fen once, and is
 *       due that day. A repayment posted on a 结息日 is applied before that day's settlement.</li>
 *   <li>罚息 at rate × (1 + markup): on principal past maturity (in place of normal interest) and on settled
 *       interest left unpaid after its due day. Penalty is settled on the same days.</li>
 * </ul>
 * Plain Java: the whole history is replayed from the ledger, so it holds for any as-of date.
 */
public final class AccumulatedBalanceInterest {

    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(360);

    private AccumulatedBalanceInterest() {
    }

    public static boolean isQuarterlySettlementDay(LocalDate day) {
        return day.getDayOfMonth() == 20 && switch (day.getMonth()) {
            case MARCH, JUNE, SEPTEMBER, DECEMBER -> true;
            default -> false;
        };
    }

    public static boolean isSettlementDay(LocalDate day, InterestTerms terms) {
        return isQuarterlySettlementDay(day) || day.equals(terms.maturityDate());
    }

    /** The position at the end of {@code asOf}: all events up to that day, and its settlement if it is a 结息日. */
    public static InterestStatement statement(InterestTerms terms, List<PositionEvent> events, LocalDate asOf) {
        Replay replay = new Replay(terms);
        replay.run(events, asOf, false);
        return replay.statement(asOf);
    }

    /**
     * What is due on {@code valueDate} for a new repayment: every posted event up to and including that day is
     * applied, but not that day's closing and settlement (a repayment on a 结息日 comes before the 结息).
     */
    public static DueAmounts dueOn(InterestTerms terms, List<PositionEvent> events, LocalDate valueDate) {
        Replay replay = new Replay(terms);
        replay.run(events, valueDate, true);
        return new DueAmounts(replay.penaltyDue, replay.interestDue, replay.principal);
    }

    /** 积数 × rate / 360, rounded half-up to the fen: the one rounding point of interest. */
    static BigDecimal interestOf(BigDecimal balanceDays, BigDecimal annualRate) {
        return balanceDays.multiply(annualRate).divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    private static final class Replay {
        private final InterestTerms terms;
        private BigDecimal principal = BigDecimal.ZERO;
        private BigDecimal balanceDays = BigDecimal.ZERO;
        private BigDecimal penaltyBalanceDays = BigDecimal.ZERO;
        private BigDecimal settled = BigDecimal.ZERO;
        private BigDecimal interestPaid = BigDecimal.ZERO;
        private BigDecimal interestDue = BigDecimal.ZERO;
        private BigDecimal penaltySettled = BigDecimal.ZERO;
        private BigDecimal penaltyPaid = BigDecimal.ZERO;
        private BigDecimal penaltyDue = BigDecimal.ZERO;
        private LocalDate periodStart;
        private final List<Settlement> settlements = new ArrayList<>();

        Replay(InterestTerms terms) {
            this.terms = terms;
        }

        void run(List<PositionEvent> events, LocalDate until, boolean stopBeforeClosingLastDay) {
            if (events.isEmpty() || events.get(0).valueDate().isAfter(until)) {
                return;
            }
            int next = 0;
            periodStart = events.get(0).valueDate();
            for (LocalDate day = periodStart; !day.isAfter(until); day = day.plusDays(1)) {
                while (next < events.size() && events.get(next).valueDate().equals(day)) {
                    apply(events.get(next++));
                }
                if (next < events.size() && events.get(next).valueDate().isBefore(day)) {
                    throw new IllegalArgumentException("events must be in value-date order");
                }
                if (stopBeforeClosingLastDay && day.equals(until)) {
                    return;
                }
                close(day);
            }
        }

        private void apply(PositionEvent event) {
            principal = principal.add(event.principalChange());
            interestDue = interestDue.subtract(event.interestPaid());
            interestPaid = interestPaid.add(event.interestPaid());
            penaltyDue = penaltyDue.subtract(event.penaltyPaid());
            penaltyPaid = penaltyPaid.add(event.penaltyPaid());
        }

        private void close(LocalDate day) {
            if (day.isAfter(terms.maturityDate())) {
                penaltyBalanceDays = penaltyBalanceDays.add(principal);
            } else {
                balanceDays = balanceDays.add(principal);
            }
            // everything in interestDue at this close was settled on an earlier day, so it is overdue today
            penaltyBalanceDays = penaltyBalanceDays.add(interestDue);
            if (isSettlementDay(day, terms)) {
                settle(day);
            }
        }

        private void settle(LocalDate day) {
            if (balanceDays.signum() == 0 && penaltyBalanceDays.signum() == 0) {
                periodStart = day.plusDays(1);
                return;
            }
            BigDecimal interest = interestOf(balanceDays, terms.annualRate());
            BigDecimal penalty = interestOf(penaltyBalanceDays, terms.penaltyRate());
            settlements.add(new Settlement(day, periodStart, balanceDays, interest, penaltyBalanceDays, penalty));
            settled = settled.add(interest);
            interestDue = interestDue.add(interest);
            penaltySettled = penaltySettled.add(penalty);
            penaltyDue = penaltyDue.add(penalty);
            balanceDays = BigDecimal.ZERO;
            penaltyBalanceDays = BigDecimal.ZERO;
            periodStart = day.plusDays(1);
        }

        InterestStatement statement(LocalDate asOf) {
            BigDecimal overdue = asOf.isAfter(terms.maturityDate()) ? principal : BigDecimal.ZERO;
            return new InterestStatement(asOf, scale(principal), scale(balanceDays),
                    interestOf(balanceDays, terms.annualRate()), scale(settled), scale(interestPaid),
                    scale(interestDue), scale(penaltyBalanceDays), interestOf(penaltyBalanceDays, terms.penaltyRate()),
                    scale(penaltySettled), scale(penaltyPaid), scale(penaltyDue), scale(overdue),
                    List.copyOf(settlements));
        }

        private static BigDecimal scale(BigDecimal v) {
            return v.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

}
