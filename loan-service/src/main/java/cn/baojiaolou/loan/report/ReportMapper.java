package cn.baojiaolou.loan.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The reports' reads: each a single set-based query, as of a business date. */
@Mapper
public interface ReportMapper {

    /** A payment or its reversal, with what the 台账 prints beside it. */
    record DisbursementLine(long ledgerEntryId, long disbursementId, String payee, String purpose, String milestone,
                            String maker, String checker, String matchMethod) {
    }

    List<DisbursementLine> disbursementLines(@Param("projectId") long projectId, @Param("asOf") LocalDate asOf);

    /** The payment rows of [from, asOf] only (the 月度台账). */
    List<DisbursementLine> disbursementLinesBetween(@Param("projectId") long projectId, @Param("from") LocalDate from,
                                                    @Param("asOf") LocalDate asOf);

    record ExceptionRow(long id, String ruleCode, String severity, String districtCode, String districtName,
                        String projectCode, String projectName, BigDecimal amount, LocalDate firstSeen,
                        String status, LocalDate closedOn, LocalDateTime resolvedAt, String detail, String refs) {
    }

    List<ExceptionRow> exceptions(@Param("businessDate") LocalDate businessDate, @Param("districtId") Long districtId);

    record AuditRow(long id, String districtName, String projectCode, String projectName, String payee,
                    String purpose, BigDecimal amount, String status, String requestedBy, LocalDateTime requestedAt,
                    String decidedBy, LocalDateTime decidedAt, String decisionNote, LocalDate paidOn,
                    String voucherNo, LocalDate reversedOn, String milestone, LocalDate verifiedOn,
                    String inspector, String evidenceRef) {
    }

    /**
     * Disbursements paid in [from, to], and those never paid that were requested in [fromUtc, toUtc), the UTC
     * bounds of the same Beijing dates.
     */
    List<AuditRow> disbursementAudit(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                     @Param("fromUtc") LocalDateTime fromUtc, @Param("toUtc") LocalDateTime toUtc,
                                     @Param("districtId") Long districtId);

    record DistrictTotals(String districtCode, String districtName, long projects, long closedProjects,
                          BigDecimal allocated, BigDecimal paid, BigDecimal principalRepaid,
                          BigDecimal interestPaid, long homesDelivered, long homesTotal) {
    }

    /** One row per district of the projects with an allocation approved by asOf; totals as of asOf. */
    List<DistrictTotals> districtTotals(@Param("asOf") LocalDate asOf, @Param("districtId") Long districtId);

    record ProjectRef(long id, String code, String name, String districtName) {
    }

    /** The projects with an allocation approved by asOf, by district and code. */
    List<ProjectRef> projects(@Param("asOf") LocalDate asOf, @Param("districtId") Long districtId);

    /** Keyset page of the ids of projects with an allocation by asOf: id &gt; after, in id order. */
    List<Long> projectIdsAfter(@Param("after") long after, @Param("asOf") LocalDate asOf,
                               @Param("limit") int limit);

    List<Long> monthlyProjectIdsAfter(@Param("after") long after, @Param("first") LocalDate first,
                                      @Param("asOf") LocalDate asOf, @Param("limit") int limit);

    /**
     * The facilities the report's projects draw on: those with an allocation approved by asOf to one project
     * ({@code projectId}), to a district's projects, or to any (both null), by code.
     */
    List<cn.baojiaolou.loan.domain.facility.Facility> facilities(@Param("asOf") LocalDate asOf,
                                                                 @Param("districtId") Long districtId,
                                                                 @Param("projectId") Long projectId);

    /**
     * The approved term changes of those facilities in force by asOf (effective on or before it), by facility
     * code, effective date and id: the order interest applies them in. With who asked and who approved, by 姓名.
     */
    List<cn.baojiaolou.loan.domain.facility.TermChange> termChanges(@Param("asOf") LocalDate asOf,
                                                                    @Param("districtId") Long districtId,
                                                                    @Param("projectId") Long projectId);

    /** The project's status at the end of asOf (the life cycle's last change effective by then). */
    cn.baojiaolou.loan.domain.project.ProjectStatus statusOn(@Param("projectId") long projectId,
                                                             @Param("asOf") java.time.LocalDate asOf);
}
