package cn.baojiaolou.loan.domain.interest;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 积数计息法 (DOMAIN.md "Money flows"), every expected figure worked out by hand in the comment above it.
 * <p>
 * Most cases use 3.6% a year, where rate / 360 = 0.0001 exactly, so interest = 积数 / 10,000 and the penalty rate
 * 3.6% × 1.5 = 5.4% gives penalty = penalty 积数 × 0.00015. Day counts include both ends unless said otherwise.
 */
class AccumulatedBalanceInterestTest {

    private static final BigDecimal RATE = new BigDecimal("0.036");
    private static final BigDecimal MARKUP = new BigDecimal("0.5");
    /** Far enough away that nothing is overdue unless a test says so. */
    private static final InterestTerms TERMS = new InterestTerms(RATE, MARKUP, LocalDate.of(2027, 12, 31));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private static PositionEvent advance(String on, String amount) {
        return PositionEvent.advance(d(on), m(amount));
    }

    private static PositionEvent repayment(String on, String principal, String interest, String penalty) {
        return PositionEvent.repayment(d(on), m(principal), m(interest), m(penalty));
    }

    private static InterestStatement statement(List<PositionEvent> events, String asOf) {
        return AccumulatedBalanceInterest.statement(TERMS, events, d(asOf));
    }

    @Nested
    class BalanceDaysInsideOneQuarter {

        // 1,000,000.00 paid out on 2025-01-10, 400,000.00 of principal repaid on 2025-02-10
        private final List<PositionEvent> events = List.of(
                advance("2025-01-10", "1000000.00"),
                repayment("2025-02-10", "400000.00", "0", "0"));

        @Test
        void advanceCountsOnItsOwnDayAndRepaymentStopsInterestOnItsDay() {
            // 算头不算尾:
            //   2025-01-10 … 2025-02-09 at 1,000,000: Jan 10–31 = 22 + Feb 1–9 = 9 = 31 days → 31,000,000
            //   2025-02-10 … 2025-03-19 at   600,000: Feb 10–28 = 19 + Mar 1–19 = 19 = 38 days → 22,800,000
            //   积数 = 53,800,000.00; accrued = 53,800,000 × 0.036 / 360 = 5,380.00
            InterestStatement s = statement(events, "2025-03-19");

            assertThat(s.principal()).isEqualByComparingTo("600000.00");
            assertThat(s.balanceDays()).isEqualByComparingTo("53800000.00");
            assertThat(s.accrued()).isEqualByComparingTo("5380.00");
            assertThat(s.settled()).isEqualByComparingTo("0");
            assertThat(s.interestDue()).isEqualByComparingTo("0");
            assertThat(s.settlements()).isEmpty();
        }

        @Test
        void advanceDayAloneIsOneDayOfInterest() {
            // only 2025-01-10 closed: 积数 = 1,000,000.00, accrued = 100.00
            InterestStatement s = statement(events, "2025-01-10");

            assertThat(s.balanceDays()).isEqualByComparingTo("1000000.00");
            assertThat(s.accrued()).isEqualByComparingTo("100.00");
        }

        @Test
        void repaymentDayClosesAtTheReducedBalance() {
            // 2025-01-10 … 2025-02-09 = 31 days × 1,000,000 = 31,000,000; 2025-02-10 closes at 600,000
            // 积数 = 31,600,000.00, accrued = 3,160.00
            InterestStatement s = statement(events, "2025-02-10");

            assertThat(s.principal()).isEqualByComparingTo("600000.00");
            assertThat(s.balanceDays()).isEqualByComparingTo("31600000.00");
            assertThat(s.accrued()).isEqualByComparingTo("3160.00");
        }

        @Test
        void nothingBeforeTheFirstEvent() {
            InterestStatement s = statement(events, "2025-01-09");

            assertThat(s.principal()).isEqualByComparingTo("0");
            assertThat(s.balanceDays()).isEqualByComparingTo("0");
            assertThat(s.accrued()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class QuarterlySettlementOnThe20th {

        // the same position: 1,000,000.00 on 2025-01-10, 400,000.00 principal back on 2025-02-10
        private final List<PositionEvent> events = List.of(
                advance("2025-01-10", "1000000.00"),
                repayment("2025-02-10", "400000.00", "0", "0"));

        @Test
        void dayBeforeTheSettlementDayIsStillAccruedNotSettled() {
            // 积数 to 2025-03-19 = 53,800,000.00 (see BalanceDaysInsideOneQuarter), accrued 5,380.00, nothing due
            InterestStatement s = statement(events, "2025-03-19");

            assertThat(s.balanceDays()).isEqualByComparingTo("53800000.00");
            assertThat(s.accrued()).isEqualByComparingTo("5380.00");
            assertThat(s.settled()).isEqualByComparingTo("0");
            assertThat(s.interestDue()).isEqualByComparingTo("0");
        }

        @Test
        void settlementDayIncludesItselfAndTheInterestFallsDueThatDay() {
            // 2025-03-20 closes at 600,000: 53,800,000 + 600,000 = 54,400,000.00 → 5,440.00 settled and due
            // the open period restarts: 积数 0, accrued 0; no penalty yet (due today, not overdue)
            InterestStatement s = statement(events, "2025-03-20");

            assertThat(s.balanceDays()).isEqualByComparingTo("0");
            assertThat(s.accrued()).isEqualByComparingTo("0");
            assertThat(s.settled()).isEqualByComparingTo("5440.00");
            assertThat(s.interestDue()).isEqualByComparingTo("5440.00");
            assertThat(s.penaltyBalanceDays()).isEqualByComparingTo("0");
            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.date()).isEqualTo(d("2025-03-20"));
                assertThat(st.periodStart()).isEqualTo(d("2025-01-10"));
                assertThat(st.balanceDays()).isEqualByComparingTo("54400000.00");
                assertThat(st.interest()).isEqualByComparingTo("5440.00");
                assertThat(st.penalty()).isEqualByComparingTo("0");
            });
        }

        @Test
        void dayAfterTheSettlementDayStartsANewPeriodAndUnpaidInterestIsOverdue() {
            // new period: 2025-03-21 at 600,000 → 积数 600,000.00, accrued 60.00
            // the 5,440.00 settled yesterday is unpaid after its due day: penalty 积数 5,440.00,
            // penalty accrued = 5,440 × 0.054 / 360 = 0.816 → 0.82
            InterestStatement s = statement(events, "2025-03-21");

            assertThat(s.balanceDays()).isEqualByComparingTo("600000.00");
            assertThat(s.accrued()).isEqualByComparingTo("60.00");
            assertThat(s.settled()).isEqualByComparingTo("5440.00");
            assertThat(s.interestDue()).isEqualByComparingTo("5440.00");
            assertThat(s.penaltyBalanceDays()).isEqualByComparingTo("5440.00");
            assertThat(s.penaltyAccrued()).isEqualByComparingTo("0.82");
            assertThat(s.penaltyDue()).isEqualByComparingTo("0");
        }

        @Test
        void settlementDaysAreThe20thOfMarchJuneSeptemberDecemberAndMaturity() {
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-03-20"))).isTrue();
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-06-20"))).isTrue();
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-09-20"))).isTrue();
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-12-20"))).isTrue();
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-04-20"))).isFalse();
            assertThat(AccumulatedBalanceInterest.isQuarterlySettlementDay(d("2025-03-21"))).isFalse();
            assertThat(AccumulatedBalanceInterest.isSettlementDay(d("2025-07-31"),
                    new InterestTerms(RATE, MARKUP, d("2025-07-31")))).isTrue();
            assertThat(AccumulatedBalanceInterest.isSettlementDay(d("2025-07-31"), TERMS)).isFalse();
        }
    }

    @Nested
    class RoundingOnceAtSettlement {

        @Test
        void periodIsRoundedOnceHalfUpNotDayByDay() {
            // 12,345.00 from 2025-03-11 to the 结息日 2025-03-20: 10 days → 积数 123,450.00
            // once:  123,450 × 0.036 / 360 = 12.345 → half-up 12.35
            // daily: 12,345 × 0.036 / 360 = 1.2345 → 1.23 a day × 10 = 12.30 (and half-even would give 12.34)
            List<PositionEvent> events = List.of(advance("2025-03-11", "12345.00"));

            InterestStatement s = statement(events, "2025-03-20");

            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.balanceDays()).isEqualByComparingTo("123450.00");
                assertThat(st.interest()).isEqualByComparingTo("12.35");
            });
            assertThat(s.settled()).isEqualByComparingTo("12.35");
            assertThat(s.interestDue()).isEqualByComparingTo("12.35");
        }

        @Test
        void roundingIsOnTheWholePeriodAtAnOddRate() {
            // 4.35% a year; 33,333.33 from 2025-06-11 to 2025-06-20: 10 days → 积数 333,333.30
            // once:  333,333.30 × 0.0435 / 360 = 14,499.998550 / 360 = 40.27777375 → 40.28
            // daily: 33,333.33 × 0.0435 / 360 = 4.02777737… → 4.03 × 10 = 40.30
            InterestTerms terms = new InterestTerms(new BigDecimal("0.0435"), MARKUP, d("2027-12-31"));
            List<PositionEvent> events = List.of(advance("2025-06-11", "33333.33"));

            InterestStatement s = AccumulatedBalanceInterest.statement(terms, events, d("2025-06-20"));

            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.balanceDays()).isEqualByComparingTo("333333.30");
                assertThat(st.interest()).isEqualByComparingTo("40.28");
            });
        }
    }

    @Nested
    class PenaltyOnOverduePrincipal {

        // maturity 2025-06-30 (a Monday, not a quarterly 结息日); 1,000,000.00 paid out on 2025-06-21
        private final InterestTerms terms = new InterestTerms(RATE, MARKUP, d("2025-06-30"));

        @Test
        void maturityDateIsASettlementDayAndStillBearsNormalInterest() {
            // 2025-06-21 … 2025-06-30 = 10 days × 1,000,000 = 10,000,000.00 → 1,000.00 settled on maturity
            List<PositionEvent> events = List.of(advance("2025-06-21", "1000000.00"));

            InterestStatement s = AccumulatedBalanceInterest.statement(terms, events, d("2025-06-30"));

            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.date()).isEqualTo(d("2025-06-30"));
                assertThat(st.balanceDays()).isEqualByComparingTo("10000000.00");
                assertThat(st.interest()).isEqualByComparingTo("1000.00");
            });
            assertThat(s.interestDue()).isEqualByComparingTo("1000.00");
            assertThat(s.overduePrincipal()).isEqualByComparingTo("0");
        }

        @Test
        void principalPastMaturityBearsPenaltyInsteadOfNormalInterest() {
            // the maturity interest 1,000.00 is paid on 2025-07-01 (before that day closes), so only principal is
            // overdue. 2025-07-01 … 2025-07-10 = 10 days × 1,000,000 → penalty 积数 10,000,000.00,
            // penalty accrued = 10,000,000 × 0.036 × 1.5 / 360 = 1,500.00; normal 积数 stays 0
            List<PositionEvent> events = List.of(
                    advance("2025-06-21", "1000000.00"),
                    repayment("2025-07-01", "0", "1000.00", "0"));

            InterestStatement s = AccumulatedBalanceInterest.statement(terms, events, d("2025-07-10"));

            assertThat(s.balanceDays()).isEqualByComparingTo("0");
            assertThat(s.accrued()).isEqualByComparingTo("0");
            assertThat(s.penaltyBalanceDays()).isEqualByComparingTo("10000000.00");
            assertThat(s.penaltyAccrued()).isEqualByComparingTo("1500.00");
            assertThat(s.overduePrincipal()).isEqualByComparingTo("1000000.00");
            assertThat(s.interestDue()).isEqualByComparingTo("0");
            assertThat(s.interestPaid()).isEqualByComparingTo("1000.00");
        }

        @Test
        void penaltyOnPrincipalIsSettledOnTheNextQuarterlyDay() {
            // 2025-07-01 … 2025-09-20: Jul 31 + Aug 31 + Sep 20 = 82 days × 1,000,000 = 82,000,000.00
            // penalty = 82,000,000 × 0.00015 = 12,300.00, due 2025-09-20; the settlement has no normal interest
            List<PositionEvent> events = List.of(
                    advance("2025-06-21", "1000000.00"),
                    repayment("2025-07-01", "0", "1000.00", "0"));

            InterestStatement s = AccumulatedBalanceInterest.statement(terms, events, d("2025-09-20"));

            assertThat(s.settlements()).hasSize(2);
            assertThat(s.settlements().get(1)).satisfies(st -> {
                assertThat(st.date()).isEqualTo(d("2025-09-20"));
                assertThat(st.periodStart()).isEqualTo(d("2025-07-01"));
                assertThat(st.balanceDays()).isEqualByComparingTo("0");
                assertThat(st.interest()).isEqualByComparingTo("0");
                assertThat(st.penaltyBalanceDays()).isEqualByComparingTo("82000000.00");
                assertThat(st.penalty()).isEqualByComparingTo("12300.00");
            });
            assertThat(s.settled()).isEqualByComparingTo("1000.00");
            assertThat(s.penaltySettled()).isEqualByComparingTo("12300.00");
            assertThat(s.penaltyDue()).isEqualByComparingTo("12300.00");
            // and it is what a repayment the next day must pay first
            DueAmounts due = AccumulatedBalanceInterest.dueOn(terms, events, d("2025-09-21"));
            assertThat(due.penaltyDue()).isEqualByComparingTo("12300.00");
            assertThat(due.interestDue()).isEqualByComparingTo("0");
            assertThat(due.principal()).isEqualByComparingTo("1000000.00");
        }

        @Test
        void unpaidMaturityInterestAndOverduePrincipalBothBearPenalty() {
            // nothing paid: from 2025-07-01 the base is principal 1,000,000 + unpaid interest 1,000 = 1,001,000 a day
            // 10 days to 2025-07-10 → 10,010,000.00; × 0.00015 = 1,501.50
            List<PositionEvent> events = List.of(advance("2025-06-21", "1000000.00"));

            InterestStatement s = AccumulatedBalanceInterest.statement(terms, events, d("2025-07-10"));

            assertThat(s.penaltyBalanceDays()).isEqualByComparingTo("10010000.00");
            assertThat(s.penaltyAccrued()).isEqualByComparingTo("1501.50");
        }
    }

    @Nested
    class PenaltyOnOverdueSettledInterest {

        // 1,000,000.00 on 2025-01-10, 400,000.00 principal back on 2025-02-10 → 5,440.00 settled on 2025-03-20
        @Test
        void unpaidSettledInterestBearsPenaltyFromTheDayAfterItsDueDay() {
            // 2025-03-21 … 2025-06-20: Mar 21–31 = 11 + Apr 30 + May 31 + Jun 20 = 92 days
            // normal: 92 × 600,000 = 55,200,000.00 → 5,520.00
            // penalty: 92 × 5,440 = 500,480.00 → × 0.00015 = 75.072 → 75.07
            List<PositionEvent> events = List.of(
                    advance("2025-01-10", "1000000.00"),
                    repayment("2025-02-10", "400000.00", "0", "0"));

            InterestStatement s = statement(events, "2025-06-20");

            assertThat(s.settlements()).hasSize(2);
            assertThat(s.settlements().get(1)).satisfies(st -> {
                assertThat(st.periodStart()).isEqualTo(d("2025-03-21"));
                assertThat(st.balanceDays()).isEqualByComparingTo("55200000.00");
                assertThat(st.interest()).isEqualByComparingTo("5520.00");
                assertThat(st.penaltyBalanceDays()).isEqualByComparingTo("500480.00");
                assertThat(st.penalty()).isEqualByComparingTo("75.07");
            });
            // 5,440.00 + 5,520.00 settled, none paid
            assertThat(s.settled()).isEqualByComparingTo("10960.00");
            assertThat(s.interestDue()).isEqualByComparingTo("10960.00");
            assertThat(s.penaltySettled()).isEqualByComparingTo("75.07");
            assertThat(s.penaltyDue()).isEqualByComparingTo("75.07");
        }

        @Test
        void partlyPaidInterestBearsPenaltyOnlyOnWhatIsLeft() {
            // 3,440.00 of the 5,440.00 paid on 2025-04-01 (applied before that day closes)
            // penalty 积数: 2025-03-21 … 03-31 = 11 days × 5,440 = 59,840
            //               2025-04-01 … 06-20 = Apr 30 + May 31 + Jun 20 = 81 days × 2,000 = 162,000
            //               = 221,840.00 → × 0.00015 = 33.276 → 33.28
            List<PositionEvent> events = List.of(
                    advance("2025-01-10", "1000000.00"),
                    repayment("2025-02-10", "400000.00", "0", "0"),
                    repayment("2025-04-01", "0", "3440.00", "0"));

            InterestStatement s = statement(events, "2025-06-20");

            assertThat(s.settlements().get(1).penaltyBalanceDays()).isEqualByComparingTo("221840.00");
            assertThat(s.settlements().get(1).penalty()).isEqualByComparingTo("33.28");
            // 10,960.00 settled − 3,440.00 paid
            assertThat(s.interestPaid()).isEqualByComparingTo("3440.00");
            assertThat(s.interestDue()).isEqualByComparingTo("7520.00");
            assertThat(s.penaltyDue()).isEqualByComparingTo("33.28");
        }

        @Test
        void interestPaidTheDayAfterItsSettlementBearsNoPenalty() {
            // a repayment on the 结息日 comes before that day's settlement, so the earliest the 5,440.00 settled on
            // 2025-03-20 can be paid is 2025-03-21; paid then, it is gone before 03-21 closes (算头不算尾):
            // penalty 积数 0 for the whole next period, and only the 5,520.00 settled on 2025-06-20 is due
            List<PositionEvent> events = List.of(
                    advance("2025-01-10", "1000000.00"),
                    repayment("2025-02-10", "400000.00", "0", "0"),
                    repayment("2025-03-21", "0", "5440.00", "0"));

            InterestStatement s = statement(events, "2025-06-20");

            assertThat(s.settlements().get(1).penaltyBalanceDays()).isEqualByComparingTo("0");
            assertThat(s.penaltyDue()).isEqualByComparingTo("0");
            assertThat(s.interestDue()).isEqualByComparingTo("5520.00");
        }
    }

    @Nested
    class LeapYear {

        @Test
        void periodSpanningFebruary29HasOneMoreDayButIsStillDividedBy360() {
            // 1,000,000.00 from 2023-12-21; 2023-12-21 … 2024-03-20: Dec 11 + Jan 31 + Feb 29 + Mar 20 = 91 days
            // 积数 91,000,000.00 → 91,000,000 × 0.036 / 360 = 9,100.00
            List<PositionEvent> events = List.of(advance("2023-12-21", "1000000.00"));

            InterestStatement s = statement(events, "2024-03-20");

            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.periodStart()).isEqualTo(d("2023-12-21"));
                assertThat(st.balanceDays()).isEqualByComparingTo("91000000.00");
                assertThat(st.interest()).isEqualByComparingTo("9100.00");
            });
        }

        @Test
        void february29ItselfAddsADay() {
            // to 2024-02-28: Dec 11 + Jan 31 + Feb 28 = 70 days → 70,000,000.00 → 7,000.00
            // to 2024-02-29: 71 days → 71,000,000.00 → 7,100.00
            List<PositionEvent> events = List.of(advance("2023-12-21", "1000000.00"));

            assertThat(statement(events, "2024-02-28").balanceDays()).isEqualByComparingTo("70000000.00");
            assertThat(statement(events, "2024-02-29").balanceDays()).isEqualByComparingTo("71000000.00");
            assertThat(statement(events, "2024-02-29").accrued()).isEqualByComparingTo("7100.00");
        }

        @Test
        void sameQuarterInACommonYearHas90Days() {
            // 2024-12-21 … 2025-03-20: Dec 11 + Jan 31 + Feb 28 + Mar 20 = 90 days → 90,000,000.00 → 9,000.00
            List<PositionEvent> events = List.of(advance("2024-12-21", "1000000.00"));

            InterestStatement s = statement(events, "2025-03-20");

            assertThat(s.settlements()).singleElement().satisfies(st ->
                    assertThat(st.interest()).isEqualByComparingTo("9000.00"));
        }

        @Test
        void aWholeLeapYearYieldsMoreThanTheNominalRate() {
            // 1,000,000.00 from 2023-12-21 to 2024-12-20 = 366 days; each settlement paid the next day
            // (no penalty). Periods: 91 (to 03-20) + 92 (to 06-20) + 92 (to 09-20) + 91 (to 12-20) = 366 days
            // settled = 9,100 + 9,200 + 9,200 + 9,100 = 36,600.00 = 366 × 1,000,000 × 0.036 / 360 (> 36,000)
            List<PositionEvent> events = List.of(
                    advance("2023-12-21", "1000000.00"),
                    repayment("2024-03-21", "0", "9100.00", "0"),
                    repayment("2024-06-21", "0", "9200.00", "0"),
                    repayment("2024-09-21", "0", "9200.00", "0"));

            InterestStatement s = statement(events, "2024-12-20");

            assertThat(s.settlements()).extracting(Settlement::interest)
                    .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .containsExactly(m("9100.00"), m("9200.00"), m("9200.00"), m("9100.00"));
            assertThat(s.settled()).isEqualByComparingTo("36600.00");
            assertThat(s.penaltySettled()).isEqualByComparingTo("0");
            assertThat(s.interestDue()).isEqualByComparingTo("9100.00");
        }
    }

    @Nested
    class DueOnARepaymentDate {

        private final List<PositionEvent> events = List.of(advance("2025-01-10", "1000000.00"));

        @Test
        void onASettlementDayThatDaysSettlementIsNotYetDue() {
            // a repayment on 2025-03-20 comes before that day's 结息: nothing settled yet
            DueAmounts due = AccumulatedBalanceInterest.dueOn(TERMS, events, d("2025-03-20"));

            assertThat(due.penaltyDue()).isEqualByComparingTo("0");
            assertThat(due.interestDue()).isEqualByComparingTo("0");
            assertThat(due.principal()).isEqualByComparingTo("1000000.00");
        }

        @Test
        void theDayAfterTheSettlementIsDue() {
            // 2025-01-10 … 2025-03-20: Jan 22 + Feb 28 + Mar 20 = 70 days × 1,000,000 → 7,000.00
            // penalty on it runs from 2025-03-21 but is not settled yet, so not due
            DueAmounts due = AccumulatedBalanceInterest.dueOn(TERMS, events, d("2025-03-21"));

            assertThat(due.penaltyDue()).isEqualByComparingTo("0");
            assertThat(due.interestDue()).isEqualByComparingTo("7000.00");
            assertThat(due.principal()).isEqualByComparingTo("1000000.00");
        }

        @Test
        void repaymentOnASettlementDayReducesThatDaysClosingBalanceBeforeTheSettlement() {
            // 400,000.00 of principal repaid on 2025-03-20 itself:
            // 69 days × 1,000,000 (01-10 … 03-19) + 1 day × 600,000 (03-20) = 69,600,000.00 → 6,960.00
            List<PositionEvent> withRepayment = List.of(
                    advance("2025-01-10", "1000000.00"),
                    repayment("2025-03-20", "400000.00", "0", "0"));

            DueAmounts due = AccumulatedBalanceInterest.dueOn(TERMS, withRepayment, d("2025-03-20"));
            assertThat(due.interestDue()).isEqualByComparingTo("0");
            assertThat(due.principal()).isEqualByComparingTo("600000.00");

            InterestStatement s = statement(withRepayment, "2025-03-20");
            assertThat(s.settlements()).singleElement().satisfies(st -> {
                assertThat(st.balanceDays()).isEqualByComparingTo("69600000.00");
                assertThat(st.interest()).isEqualByComparingTo("6960.00");
            });
        }

        @Test
        void dueOnIncludesEventsAlreadyPostedThatDay() {
            // 5,000.00 of the 7,000.00 already paid on 2025-03-21: 2,000.00 still due
            List<PositionEvent> paid = List.of(
                    advance("2025-01-10", "1000000.00"),
                    repayment("2025-03-21", "0", "5000.00", "0"));

            DueAmounts due = AccumulatedBalanceInterest.dueOn(TERMS, paid, d("2025-03-21"));

            assertThat(due.interestDue()).isEqualByComparingTo("2000.00");
        }
    }

    @Nested
    class Reversal {

        @Test
        void reversedAdvanceStopsBearingInterestFromTheReversalDay() {
            // 500,000.00 paid 2025-04-01, reversed 2025-04-11: 04-01 … 04-10 = 10 days → 5,000,000.00 → 500.00
            // from 2025-04-11 the principal is 0, so the 积数 stays 5,000,000.00 at 2025-04-30
            List<PositionEvent> events = List.of(
                    advance("2025-04-01", "500000.00"),
                    PositionEvent.advanceReversal(d("2025-04-11"), m("500000.00")));

            InterestStatement s = statement(events, "2025-04-30");

            assertThat(s.principal()).isEqualByComparingTo("0");
            assertThat(s.balanceDays()).isEqualByComparingTo("5000000.00");
            assertThat(s.accrued()).isEqualByComparingTo("500.00");

            InterestStatement settled = statement(events, "2025-06-20");
            assertThat(settled.settlements()).singleElement().satisfies(st ->
                    assertThat(st.interest()).isEqualByComparingTo("500.00"));
        }

        @Test
        void partOfTwoAdvancesReversed() {
            // 300,000.00 on 2025-04-01 and 200,000.00 on 2025-04-06; the second reversed on 2025-04-16
            //   04-01 … 04-05 = 5 × 300,000 = 1,500,000
            //   04-06 … 04-15 = 10 × 500,000 = 5,000,000
            //   04-16 … 04-30 = 15 × 300,000 = 4,500,000
            //   积数 11,000,000.00 → 1,100.00
            List<PositionEvent> events = List.of(
                    advance("2025-04-01", "300000.00"),
                    advance("2025-04-06", "200000.00"),
                    PositionEvent.advanceReversal(d("2025-04-16"), m("200000.00")));

            InterestStatement s = statement(events, "2025-04-30");

            assertThat(s.principal()).isEqualByComparingTo("300000.00");
            assertThat(s.balanceDays()).isEqualByComparingTo("11000000.00");
            assertThat(s.accrued()).isEqualByComparingTo("1100.00");
        }

        @Test
        void sameDayReversalBearsNoInterest() {
            List<PositionEvent> events = List.of(
                    advance("2025-04-01", "500000.00"),
                    PositionEvent.advanceReversal(d("2025-04-01"), m("500000.00")));

            InterestStatement s = statement(events, "2025-06-20");

            assertThat(s.balanceDays()).isEqualByComparingTo("0");
            assertThat(s.settled()).isEqualByComparingTo("0");
            assertThat(s.settlements()).isEmpty();
        }
    }

    @Test
    void eventsOutOfValueDateOrderAreRefused() {
        List<PositionEvent> events = List.of(advance("2025-04-10", "1.00"), advance("2025-04-05", "1.00"));

        assertThatThrownBy(() -> statement(events, "2025-04-30")).isInstanceOf(IllegalArgumentException.class);
    }
}
