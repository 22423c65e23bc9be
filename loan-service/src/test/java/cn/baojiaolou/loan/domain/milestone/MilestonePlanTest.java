package cn.baojiaolou.loan.domain.milestone;

import cn.baojiaolou.loan.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule's rules at their edges: caps rise to exactly 100 %, dates never go backwards, units fit. */
class MilestonePlanTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    static Milestone planned(int seq, String cap) {
        return new Milestone(seq, 1, seq, "节点" + seq, LocalDate.of(2024, seq, 1), new BigDecimal(cap), null, null,
                null, null, null);
    }

    static Milestone verified(int seq, String cap, LocalDate on) {
        return new Milestone(seq, 1, seq, "节点" + seq, LocalDate.of(2024, seq, 1), new BigDecimal(cap), on, "监理",
                "JL-1", null, "reviewer");
    }

    static String key(Throwable t) {
        return ((Refusal) t).messageKey();
    }

    @Test
    void capsRiseAndTheLastMayBeExactlyOneHundredButNotMore() {
        List<Milestone> two = List.of(planned(1, "20"), planned(2, "50"));
        assertThatCode(() -> MilestonePlan.checkNext(two, new BigDecimal("100"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> MilestonePlan.checkNext(two, new BigDecimal("100.01")))
                .satisfies(t -> assertThat(key(t)).isEqualTo("milestone.capOutOfRange"));
        assertThatThrownBy(() -> MilestonePlan.checkNext(two, new BigDecimal("50")))
                .satisfies(t -> assertThat(key(t))
                        .isEqualTo("milestone.capNotIncreasing"));
        assertThatCode(() -> MilestonePlan.checkNext(two, new BigDecimal("50.01"))).doesNotThrowAnyException();
    }

    @Test
    void aVerificationMayShareThePreviousOnesDateButNotComeBeforeIt() {
        LocalDate first = LocalDate.of(2024, 3, 10);
        List<Milestone> schedule = List.of(verified(1, "20", first), planned(2, "50"));
        Milestone second = schedule.get(1);
        assertThatCode(() -> MilestonePlan.checkVerification(schedule, second, first, TODAY, null, 100, 0, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, second, first.minusDays(1), TODAY, null,
                100, 0, null)).satisfies(t -> assertThat(key(t))
                .isEqualTo("milestone.verifiedBeforePrevious"));
        // the back-dated case that was once accepted: milestone 2 dated 2020-01-01 after milestone 1 in 2024
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, second, LocalDate.of(2020, 1, 1), TODAY,
                null, 100, 0, null)).isInstanceOf(Refusal.class);
    }

    @Test
    void notInTheFutureNorBeforeTheProjectCouldBePaidNorOutOfOrder() {
        List<Milestone> schedule = List.of(planned(1, "20"), planned(2, "50"));
        LocalDate approved = LocalDate.of(2024, 1, 15);
        assertThatCode(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), TODAY, TODAY, approved, 100,
                0, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), TODAY.plusDays(1), TODAY,
                approved, 100, 0, null)).satisfies(t -> assertThat(key(t))
                .isEqualTo("valueDate.future"));
        assertThatCode(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), approved, TODAY, approved,
                100, 0, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), approved.minusDays(1),
                TODAY, approved, 100, 0, null)).satisfies(t -> assertThat(key(t))
                .isEqualTo("milestone.verifiedBeforeStart"));
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, schedule.get(1), TODAY, TODAY, approved,
                100, 0, null)).satisfies(t -> assertThat(key(t))
                .isEqualTo("milestone.previousNotVerified"));
    }

    @Test
    void unitsDeliveredMayFillTheProjectExactlyButNotOneMore() {
        List<Milestone> schedule = List.of(planned(1, "100"));
        assertThatCode(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), TODAY, TODAY, null, 327, 300,
                27)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MilestonePlan.checkVerification(schedule, schedule.get(0), TODAY, TODAY, null, 327,
                300, 28)).satisfies(t -> assertThat(key(t))
                .isEqualTo("milestone.tooManyUnits"));
    }
}
