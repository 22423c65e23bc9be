package cn.baojiaolou.loan.domain.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 额度核定: part of a facility granted to a project (a cap, not cash). */
public record Allocation(long id, long projectId, long facilityId, String facilityCode, BigDecimal amount,
                         String approvalRef, LocalDate approvedOn) {
}
