package cn.baojiaolou.loan.domain.project;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One step of a project's life cycle: from (null on the row that registered the project) to, effective on a date,
 * decided by a document; recorded by a user (login, and 姓名 when known) at a UTC time.
 */
public record StatusChange(long id, long projectId, ProjectStatus fromStatus, ProjectStatus toStatus,
                           LocalDate effectiveOn, String documentRef, String note, LocalDateTime createdAt,
                           String createdBy, String createdByName) {
}
