package cn.baojiaolou.loan.domain.court;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A court freeze (冻结) of part of a 专户, until released. */
public record CourtFreeze(long id, long facilityId, String facilityCode, String court, String caseNo,
                          BigDecimal amount, LocalDate frozenOn, String note, Long bankLineId, LocalDate releasedOn,
                          String releaseRef) {

    public boolean active() {
        return releasedOn == null;
    }
}
