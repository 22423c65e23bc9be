package cn.baojiaolou.loan.domain.court;

import cn.baojiaolou.loan.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A court deduction (扣划) of a 专户 with what has been recovered of it. */
public record CourtDeduction(long id, long facilityId, String facilityCode, Long bankLineId, String court,
                             String caseNo, BigDecimal amount, LocalDate deductedOn, DeductionStatus status,
                             BigDecimal recovered, LocalDate writtenOffOn, String writeOffNote, String note) {

    /** What is still missing from the 专户. */
    public BigDecimal outstanding() {
        return amount.subtract(recovered == null ? Money.ZERO : recovered);
    }
}
