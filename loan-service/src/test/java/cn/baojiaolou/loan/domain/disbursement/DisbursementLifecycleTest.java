package cn.baojiaolou.loan.domain.disbursement;

import cn.baojiaolou.loan.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each step of a disbursement's life from the state that allows it, and refused from the others. */
class DisbursementLifecycleTest {

    static final LocalDate PAID_ON = LocalDate.of(2024, 3, 1);

    static Disbursement in(DisbursementStatus status) {
        return new Disbursement(1, 2, "P", 3, "F", 4, "收款人", 5, "复工", "工程款", new BigDecimal("100000.00"), status,
                "maker", LocalDateTime.of(2024, 2, 1, 1, 0), null, null, null,
                status == DisbursementStatus.PAID ? PAID_ON : null, null, null, null, null, null, null, null);
    }

    static Refusal refusal(Throwable t) {
        return (Refusal) t;
    }

    @Test
    void onlyAnotherUserDecidesARequestAndOnlyWhileItIsRequested() {
        assertThatCode(() -> DisbursementLifecycle.checkDecision(in(DisbursementStatus.REQUESTED), "checker"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DisbursementLifecycle.checkDecision(in(DisbursementStatus.REQUESTED), "maker"))
                .satisfies(t -> assertThat(refusal(t).kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        for (DisbursementStatus s : new DisbursementStatus[] {DisbursementStatus.APPROVED,
                DisbursementStatus.REJECTED, DisbursementStatus.PAID, DisbursementStatus.REVERSED}) {
            assertThatThrownBy(() -> DisbursementLifecycle.checkDecision(in(s), "checker"))
                    .satisfies(t -> assertThat(refusal(t).messageKey()).isEqualTo("disbursement.wrongStatus"));
        }
    }

    @Test
    void paymentOnlyWhenApprovedAndOnTheMaturityDateAtTheLatest() {
        LocalDate maturity = LocalDate.of(2027, 8, 31);
        assertThatCode(() -> DisbursementLifecycle.checkPayment(in(DisbursementStatus.APPROVED), maturity, maturity))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DisbursementLifecycle.checkPayment(in(DisbursementStatus.APPROVED),
                maturity.plusDays(1), maturity))
                .satisfies(t -> assertThat(refusal(t).messageKey()).isEqualTo("disbursement.afterMaturity"));
        assertThatThrownBy(() -> DisbursementLifecycle.checkPayment(in(DisbursementStatus.REQUESTED), maturity,
                maturity)).satisfies(t -> assertThat(refusal(t).kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void aReversalComesOnceOnOrAfterThePaymentWhileThePrincipalIsStillOwed() {
        Disbursement paid = in(DisbursementStatus.PAID);
        assertThatCode(() -> DisbursementLifecycle.checkReversal(paid, PAID_ON, new BigDecimal("100000.00")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DisbursementLifecycle.checkReversal(paid, PAID_ON, new BigDecimal("99999.99")))
                .satisfies(t -> assertThat(refusal(t).messageKey())
                        .isEqualTo("disbursement.reversalAfterRepayment"));
        assertThatThrownBy(() -> DisbursementLifecycle.checkReversal(paid, PAID_ON.minusDays(1),
                new BigDecimal("100000.00")))
                .satisfies(t -> assertThat(refusal(t).messageKey()).isEqualTo("disbursement.reversalBeforePayment"));
        assertThatThrownBy(() -> DisbursementLifecycle.checkReversal(in(DisbursementStatus.REVERSED), PAID_ON,
                new BigDecimal("100000.00")))
                .satisfies(t -> assertThat(refusal(t).messageKey()).isEqualTo("disbursement.notReversible"));
    }
}
