package cn.baojiaolou.loan.domain.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A change of a facility's terms: 展期 (EXTENSION, a new maturity) or a new rate (RATE), from {@code effectiveOn},
 * asked for by an accountant and approved (or rejected) by a reviewer who is not the same person.
 */
public record TermChange(long id, long facilityId, String facilityCode, Kind kind, LocalDate effectiveOn,
                         LocalDate newMaturityDate, BigDecimal newAnnualRate, String approvalRef, Status status,
                         String requestedBy, String requestedByName, LocalDateTime requestedAt, String decidedBy,
                         String decidedByName, LocalDateTime decidedAt, String decisionNote) {

    public enum Kind { EXTENSION, RATE }

    public enum Status { REQUESTED, APPROVED, REJECTED }
}
