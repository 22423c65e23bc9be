package cn.baojiaolou.loan.domain.interest;

import cn.baojiaolou.loan.domain.Money;
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
 *   <li>Terms change over time ({@link InterestTerms#steps()}): each day accrues under the maturity in force that day
 *       (an extension, 展期, ends the overdue from its effective day), and a new rate splits the period's 积数 at its
 *       effective day: each part at its own rate, still rounded once, at settlement.</li>
 * </ul>
 * Plain Java. The API replays the whole history from the ledger for any as-of date; the nightly close steps the
 * stored state of the previous day by one day with {@link #closeDay}, the same code, so both agree to the fen.
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
        return isQuarterlySettlementDay(day) || day.equals(terms.maturityOn(day));
    }

    /** The result of closing one day: the new state, and the settlement if the day was a 结息日 with interest. */
    public record DayClose(PositionState state, Settlement settlement) {
    }

    /**
     * Closes {@code day} for a position whose events of that day have already been applied: adds the closing
     * balances to the 积数 ({@link #accrueDay}) and settles on a 结息日 ({@link #settle}).
     */
    public static DayClose closeDay(InterestTerms terms, PositionState s, LocalDate day) {
        PositionState accrued = accrueDay(terms, s, day);
        return isSettlementDay(day, terms) ? settle(terms, accrued, day) : new DayClose(accrued, null);
    }

    /**
     * Adds the day's closing principal to the 积数 (to the penalty 积数 once past maturity) and the settled
     * interest still unpaid to the penalty 积数: everything in interestDue at this close was settled on an earlier
     * day, so it is overdue today.
     */
    public static PositionState accrueDay(InterestTerms terms, PositionState s, LocalDate day) {
        if (!s.started()) {
            return s;
        }
        BigDecimal balanceDays = s.balanceDays();
        BigDecimal penaltyDays = s.penaltyBalanceDays();
        BigDecimal adjustment = s.rateAdjustment();
        BigDecimal penaltyAdjustment = s.penaltyRateAdjustment();
        if (terms.rateChangesOn(day)) {
            // the 积数 so far was earned at yesterday's rate: carry the difference, so that settling at the new rate
            // still gives each part its own (exact decimals; the one rounding stays at settlement)
            BigDecimal difference = terms.rateOn(day.minusDays(1)).subtract(terms.rateOn(day));
            adjustment = adjustment.add(balanceDays.multiply(difference));
            penaltyAdjustment = penaltyAdjustment.add(penaltyDays.multiply(difference));
        }
        if (day.isAfter(terms.maturityOn(day))) {
            penaltyDays = penaltyDays.add(s.principal());
        } else {
            balanceDays = balanceDays.add(s.principal());
        }
        penaltyDays = penaltyDays.add(s.interestDue());
        return new PositionState(s.principal(), s.periodStart(), balanceDays, penaltyDays, s.settled(),
                s.interestPaid(), s.interestDue(), s.penaltySettled(), s.penaltyPaid(), s.penaltyDue(), adjustment,
                penaltyAdjustment);
    }

    /**
     * 结息 on {@code day} for an already accrued state: the period's 积数 becomes interest (and penalty) due today,
     * rounded half-up to the fen once, and a new period starts tomorrow.
     */
    public static DayClose settle(InterestTerms terms, PositionState s, LocalDate day) {
        if (!s.started()) {
            return new DayClose(s, null);
        }
        LocalDate next = day.plusDays(1);
        BigDecimal zero = new BigDecimal("0.00");
        if (s.balanceDays().signum() == 0 && s.penaltyBalanceDays().signum() == 0) {
            return new DayClose(new PositionState(s.principal(), next, zero, zero, s.settled(), s.interestPaid(),
                    s.interestDue(), s.penaltySettled(), s.penaltyPaid(), s.penaltyDue()), null);
        }
        BigDecimal interest = interestOf(s, terms, day);
        BigDecimal penalty = penaltyOf(s, terms, day);
        Settlement settlement = new Settlement(day, s.periodStart(), s.balanceDays(), interest,
                s.penaltyBalanceDays(), penalty);
        return new DayClose(new PositionState(s.principal(), next, zero, zero, s.settled().add(interest),
                s.interestPaid(), s.interestDue().add(interest), s.penaltySettled().add(penalty), s.penaltyPaid(),
                s.penaltyDue().add(penalty)), settlement);
    }

    /** The position at the end of {@code asOf}: all events up to that day, and its settlement if it is a 结息日. */
    public static InterestStatement statement(InterestTerms terms, List<PositionEvent> events, LocalDate asOf) {
        List<Settlement> settlements = new ArrayList<>();
        PositionState s = replay(terms, events, asOf, false, settlements);
        BigDecimal overdue = asOf.isAfter(terms.maturityOn(asOf)) ? s.principal() : Money.ZERO;
        return new InterestStatement(asOf, scale(s.principal()), scale(s.balanceDays()),
                interestOf(s, terms, asOf), scale(s.settled()), scale(s.interestPaid()),
                scale(s.interestDue()), scale(s.penaltyBalanceDays()),
                penaltyOf(s, terms, asOf), scale(s.penaltySettled()),
                scale(s.penaltyPaid()), scale(s.penaltyDue()), scale(overdue), List.copyOf(settlements));
    }

    /** The state at the end of {@code asOf}, for the nightly close to continue from. */
    public static PositionState stateAt(InterestTerms terms, List<PositionEvent> events, LocalDate asOf) {
        return replay(terms, events, asOf, false, new ArrayList<>());
    }

    /**
     * What is due on {@code valueDate} for a new repayment: every posted event up to and including that day is
     * applied, but not that day's closing and settlement (a repayment on a 结息日 comes before the 结息).
     */
    public static DueAmounts dueOn(InterestTerms terms, List<PositionEvent> events, LocalDate valueDate) {
        PositionState s = replay(terms, events, valueDate, true, new ArrayList<>());
        return new DueAmounts(s.penaltyDue(), s.interestDue(), s.principal());
    }

    /** 积数 × rate / 360, rounded half-up to the fen: the one rounding point of interest. */
    public static BigDecimal interestOf(BigDecimal balanceDays, BigDecimal annualRate) {
        return balanceDays.multiply(annualRate).divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    /**
     * The open period's interest at the end of {@code day}: (积数 × the rate in force + the carried adjustment of
     * earlier rates) / 360, rounded half-up to the fen once.
     */
    public static BigDecimal interestOf(PositionState s, InterestTerms terms, LocalDate day) {
        return s.balanceDays().multiply(terms.rateOn(day)).add(s.rateAdjustment())
                .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    /** The open period's penalty: as {@link #interestOf(PositionState, InterestTerms, LocalDate)} × (1 + markup). */
    public static BigDecimal penaltyOf(PositionState s, InterestTerms terms, LocalDate day) {
        return s.penaltyBalanceDays().multiply(terms.rateOn(day)).add(s.penaltyRateAdjustment())
                .multiply(BigDecimal.ONE.add(terms.penaltyMarkup())).divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    private static PositionState replay(InterestTerms terms, List<PositionEvent> events, LocalDate until,
                                        boolean stopBeforeClosingLastDay, List<Settlement> settlements) {
        PositionState s = PositionState.EMPTY;
        if (events.isEmpty() || events.get(0).valueDate().isAfter(until)) {
            return s;
        }
        int next = 0;
        for (LocalDate day = events.get(0).valueDate(); !day.isAfter(until); day = day.plusDays(1)) {
            while (next < events.size() && events.get(next).valueDate().equals(day)) {
                s = s.apply(events.get(next++), day);
            }
            if (next < events.size() && events.get(next).valueDate().isBefore(day)) {
                throw new IllegalArgumentException("events must be in value-date order");
            }
            if (stopBeforeClosingLastDay && day.equals(until)) {
                return s;
            }
            DayClose closed = closeDay(terms, s, day);
            s = closed.state();
            if (closed.settlement() != null) {
                settlements.add(closed.settlement());
            }
        }
        return s;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }
}
