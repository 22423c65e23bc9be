package cn.baojiaolou.loan.domain.disbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 拨付: 专户 → a registered payee of a project, against a milestone, for an allowed purpose. */
public record Disbursement(long id, long projectId, String projectCode, long facilityId, String facilityCode,
                           long payeeId, String payeeName, long milestoneId, String milestoneName, String purpose,
                           BigDecimal amount, DisbursementStatus status, String requestedBy,
                           LocalDateTime requestedAt, String decidedBy, LocalDateTime decidedAt, String decisionNote,
                           LocalDate paidOn, String voucherNo, String paidBy, LocalDateTime paidAt,
                           LocalDate reversedOn, String reversalReason, String reversedBy, LocalDateTime reversedAt) {
}
