package cn.baojiaolou.loan.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 异常: a condition one of the 13 rules found, from the business date it was first seen to the last; refs is the
 * JSON of the exact rows behind it (disbursementIds, bankLineIds, milestoneIds, ledgerEntryIds).
 */
public record ReconException(long id, String ruleCode, String severity, String subjectKey, Long projectId,
                             String projectCode, String projectName, Long districtId, String districtName,
                             Long facilityId, BigDecimal amount, LocalDate firstSeen, LocalDate lastSeen,
                             String status, LocalDate closedOn, String detail, String refs, String resolutionNote,
                             String resolvedBy, LocalDateTime resolvedAt) {
}
