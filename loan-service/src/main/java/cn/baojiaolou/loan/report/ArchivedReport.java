package cn.baojiaolou.loan.report;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A PDF in the report archive: which report, for which date and parameters, and its SHA-256. */
public record ArchivedReport(Long id, String reportType, String reportNumber, String parameters, String locale,
                             Long districtId, LocalDate businessDate, String sha256, long sizeBytes, int pages,
                             String filePath, String source, LocalDateTime createdAt, String createdBy) {
}
