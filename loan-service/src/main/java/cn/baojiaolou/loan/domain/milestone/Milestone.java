package cn.baojiaolou.loan.domain.milestone;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 工程节点 with its cumulative release cap; verifiedOn is null until a reviewer verifies it. */
public record Milestone(long id, long projectId, int seq, String name, LocalDate plannedDate,
                        BigDecimal cumulativeCapPercent, LocalDate verifiedOn, String inspector, String evidenceRef,
                        Integer unitsDelivered, String verifiedBy) {

    public boolean verified() {
        return verifiedOn != null;
    }
}
