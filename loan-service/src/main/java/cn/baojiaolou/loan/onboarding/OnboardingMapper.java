package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface OnboardingMapper {

    /** An uploaded workbook without its bytes. */
    record ImportRow(long id, String fileName, String fileSha256, String status, int rowsTotal, int problemsCount,
                     String problems, String counts, String checkedBy, LocalDateTime checkedAt, String importedBy,
                     LocalDateTime importedAt) {
    }

    void insertImport(@Param("fileName") String fileName, @Param("sha256") String sha256,
                      @Param("content") byte[] content, @Param("by") String by, @Param("at") LocalDateTime at,
                      @Param("key") GeneratedKey key);

    void checked(@Param("id") long id, @Param("status") String status, @Param("rows") int rows,
                 @Param("problemsCount") int problemsCount, @Param("problems") String problems,
                 @Param("counts") String counts, @Param("by") String by, @Param("at") LocalDateTime at);

    void imported(@Param("id") long id, @Param("by") String by, @Param("at") LocalDateTime at);

    ImportRow find(long id);

    @Select("SELECT status FROM onboarding_import WHERE id = #{id} FOR UPDATE")
    String lock(long id);

    /** The bytes of an upload (a record: MyBatis reads an array return type as many rows). */
    record Content(byte[] content) {
    }

    @Select("SELECT content FROM onboarding_import WHERE id = #{id}")
    Content content(long id);

    List<ImportRow> recent(@Param("limit") int limit);

    void insertRecord(@Param("importId") long importId, @Param("sheet") String sheet, @Param("row") int row,
                      @Param("type") String type, @Param("targetId") long targetId);

    /** How many records an import created, by sheet. */
    record SheetCount(String sheet, int records) {
    }

    List<SheetCount> recordCounts(long importId);

    // --- the export in the template's sheets (LedgerExport) -----------------------------------------------------

    record FacilityRow(String code, String name, String lender, String borrower, String accountNo,
                       java.math.BigDecimal amount, java.math.BigDecimal annualRate,
                       java.math.BigDecimal penaltyMarkup, java.time.LocalDate startDate,
                       java.time.LocalDate maturityDate) {
    }

    record LedgerRow(String facility, java.time.LocalDate valueDate, java.math.BigDecimal amount,
                     java.math.BigDecimal principal, java.math.BigDecimal interest, String voucherNo) {
    }

    record ProjectRow(String code, String name, String district, String developer, String developerAccountNo,
                      String contractor, int totalUnits, java.math.BigDecimal fundingGap,
                      java.time.LocalDate expectedDeliveryDate, String status, String planText,
                      String responsibleOfficial, String taskForce) {
    }

    record PayeeRow(String project, String name, String accountNo, String bankName, String kind) {
    }

    record AllocationRow(String project, String facility, java.math.BigDecimal amount, String approvalRef,
                         java.time.LocalDate approvedOn) {
    }

    record MilestoneRow(String project, int seq, String name, java.time.LocalDate plannedDate,
                        java.math.BigDecimal capPercent) {
    }

    record VerificationRow(String project, int seq, java.time.LocalDate verifiedOn, String inspector,
                           String evidenceRef, Integer unitsDelivered, String verifiedBy,
                           java.time.LocalDate firstPaidOn) {
    }

    record DisbursementRow(String project, String facility, String payeeAccount, int seq, String purpose,
                           java.math.BigDecimal amount, String status, LocalDateTime requestedAt,
                           java.time.LocalDate paidOn, String voucherNo, String requestedBy, String decidedBy,
                           String decisionNote, java.time.LocalDate reversedOn, String reversalReason) {
    }

    record RepaymentRow(String project, java.time.LocalDate valueDate, java.math.BigDecimal amount,
                        String voucherNo) {
    }

    record UserName(String username, String displayName) {
    }

    List<FacilityRow> exportFacilities();

    List<LedgerRow> exportLedger(@Param("type") String entryType);

    List<ProjectRow> exportProjects();

    List<PayeeRow> exportPayees();

    List<AllocationRow> exportAllocations();

    List<MilestoneRow> exportMilestones();

    List<VerificationRow> exportVerifications();

    List<DisbursementRow> exportDisbursements();

    List<RepaymentRow> exportRepayments();

    @Select("SELECT username, display_name FROM app_user")
    List<UserName> userNames();
}
