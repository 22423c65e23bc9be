package cn.baojiaolou.loan.domain.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A posted money row. Never updated or deleted (the table has triggers that refuse it). */
public record LedgerEntry(Long id, long facilityId, Long projectId, EntryType entryType, LocalDate valueDate,
                          BigDecimal amount, BigDecimal principal, BigDecimal interest, BigDecimal penalty,
                          BigDecimal accountEffect, String voucherNo, Long disbursementId, Long repaymentId,
                          Long reversesEntryId, String note, LocalDateTime createdAt, String createdBy) {
}
