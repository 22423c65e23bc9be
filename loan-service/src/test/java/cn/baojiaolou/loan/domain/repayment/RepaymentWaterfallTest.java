package cn.baojiaolou.loan.domain.repayment;

import cn.baojiaolou.loan.domain.interest.DueAmounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A project repayment pays penalty interest, then settled interest, then principal (DOMAIN.md, Money flows 4). */
class RepaymentWaterfallTest {

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private static DueAmounts due(String penalty, String interest, String principal) {
        return new DueAmounts(m(penalty), m(interest), m(principal));
    }

    private static void assertPart(RepaymentWaterfall.Part part, String penalty, String interest, String principal) {
        assertThat(part.penalty()).as("penalty").isEqualByComparingTo(penalty);
        assertThat(part.interest()).as("interest").isEqualByComparingTo(interest);
        assertThat(part.principal()).as("principal").isEqualByComparingTo(principal);
    }

    @Test
    void penaltyIsPaidBeforeInterest() {
        // 50.00 against penalty 75.07: all of it to penalty, none to interest or principal
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("50.00"),
                List.of(due("75.07", "10960.00", "600000.00")));

        assertThat(parts).singleElement().satisfies(p -> assertPart(p, "50.00", "0", "0"));
    }

    @Test
    void interestIsPaidAfterPenaltyAndBeforePrincipal() {
        // 5,000.00: penalty 75.07 in full, then 4,924.93 of the 10,960.00 interest, no principal
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("5000.00"),
                List.of(due("75.07", "10960.00", "600000.00")));

        assertThat(parts).singleElement().satisfies(p -> assertPart(p, "75.07", "4924.93", "0"));
    }

    @Test
    void principalTakesWhatIsLeftAfterPenaltyAndInterest() {
        // 20,000.00 − 75.07 − 10,960.00 = 8,964.93 of principal
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("20000.00"),
                List.of(due("75.07", "10960.00", "600000.00")));

        assertThat(parts).singleElement().satisfies(p -> {
            assertPart(p, "75.07", "10960.00", "8964.93");
            assertThat(p.total()).isEqualByComparingTo("20000.00");
        });
    }

    @Test
    void withNothingSettledEverythingGoesToPrincipal() {
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("50000.00"),
                List.of(due("0", "0", "200000.00")));

        assertThat(parts).singleElement().satisfies(p -> assertPart(p, "0", "0", "50000.00"));
    }

    @Test
    void acrossTwoPositionsEachLayerIsPaidOnAllPositionsBeforeTheNextLayer() {
        // position A: penalty 10.00, interest 100.00, principal 1,000.00
        // position B: penalty 20.00, interest 200.00, principal 2,000.00
        // 400.00 → penalty A 10 + B 20 = 30, interest A 100 + B 200 = 300, leaves 70.00 for principal A
        // (B's principal gets nothing although A's interest layer ran first)
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("400.00"), List.of(
                due("10.00", "100.00", "1000.00"),
                due("20.00", "200.00", "2000.00")));

        assertThat(parts).hasSize(2);
        assertPart(parts.get(0), "10.00", "100.00", "70.00");
        assertPart(parts.get(1), "20.00", "200.00", "0");
    }

    @Test
    void acrossTwoPositionsPenaltyOnTheSecondComesBeforeInterestOnTheFirst() {
        // 25.00: penalty A 10.00, penalty B 15.00 of 20.00; no interest anywhere
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("25.00"), List.of(
                due("10.00", "100.00", "1000.00"),
                due("20.00", "200.00", "2000.00")));

        assertPart(parts.get(0), "10.00", "0", "0");
        assertPart(parts.get(1), "15.00", "0", "0");
    }

    @Test
    void acrossTwoPositionsPrincipalFollowsTheAllocationOrder() {
        // 2,330.00: penalties 30, interest 300, then principal A 1,000.00 in full and B 1,000.00 of 2,000.00
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("2330.00"), List.of(
                due("10.00", "100.00", "1000.00"),
                due("20.00", "200.00", "2000.00")));

        assertPart(parts.get(0), "10.00", "100.00", "1000.00");
        assertPart(parts.get(1), "20.00", "200.00", "1000.00");
    }

    @Test
    void amountExceedingEverythingOwedIsRefused() {
        // owed: 10 + 100 + 1,000 + 20 + 200 + 2,000 = 3,330.00; one fen more is refused
        List<DueAmounts> positions = List.of(
                due("10.00", "100.00", "1000.00"),
                due("20.00", "200.00", "2000.00"));

        assertThat(RepaymentWaterfall.split(m("3330.01"), positions)).isNull();
        assertThat(RepaymentWaterfall.totalOwed(positions)).isEqualByComparingTo("3330.00");
    }

    @Test
    void exactlyEverythingOwedPaysEveryLayerInFull() {
        List<RepaymentWaterfall.Part> parts = RepaymentWaterfall.split(m("3330.00"), List.of(
                due("10.00", "100.00", "1000.00"),
                due("20.00", "200.00", "2000.00")));

        assertThat(parts).isNotNull();
        assertPart(parts.get(0), "10.00", "100.00", "1000.00");
        assertPart(parts.get(1), "20.00", "200.00", "2000.00");
    }

    @Test
    void anythingAfterPrincipalIsFullyRepaidIsRefused() {
        // nothing settled, principal 100.00: 100.01 would pay unsettled interest that is not due yet
        assertThat(RepaymentWaterfall.split(m("100.01"), List.of(due("0", "0", "100.00")))).isNull();
    }
}
