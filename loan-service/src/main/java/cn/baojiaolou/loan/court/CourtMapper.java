package cn.baojiaolou.loan.court;

import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.court.CourtDeduction;
import cn.baojiaolou.loan.domain.court.CourtFreeze;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

@Mapper
public interface CourtMapper {

    /** A statement line whose memo mentions a court action, with the deduction or freeze it is registered as. */
    record FlaggedLine(long id, long facilityId, String facilityCode, LocalDate txnDate, LocalTime txnTime,
                       LocalDate valueDate, String direction, BigDecimal amount, String counterpartyName,
                       String counterpartyAccount, String bankSerialNo, String memo, Long deductionId,
                       Long freezeId, Long recoveryId) {
    }

    /** A recovery of a deduction. */
    record Recovery(long id, long deductionId, BigDecimal amount, LocalDate recoveredOn, Long bankLineId, String note,
                    String createdBy) {
    }

    /** The 专户's facility: whose statement a letter is about. */
    record FacilityLine(long id, String code, String name, String lender, String borrower, String accountNo) {
    }

    void insertFreeze(@Param("f") CourtFreeze freeze, @Param("by") String by, @Param("at") LocalDateTime at,
                      @Param("key") GeneratedKey key);

    void insertDeduction(@Param("d") CourtDeduction deduction, @Param("by") String by, @Param("at") LocalDateTime at,
                         @Param("key") GeneratedKey key);

    void insertRecovery(@Param("r") Recovery recovery, @Param("by") String by, @Param("at") LocalDateTime at,
                        @Param("key") GeneratedKey key);

    CourtFreeze findFreeze(long id);

    CourtDeduction findDeduction(long id);

    @Select("SELECT id FROM court_freeze WHERE id = #{id} FOR UPDATE")
    Long lockFreeze(long id);

    @Select("SELECT id FROM court_deduction WHERE id = #{id} FOR UPDATE")
    Long lockDeduction(long id);

    List<CourtFreeze> freezes(@Param("facilityId") Long facilityId);

    List<CourtDeduction> deductions(@Param("facilityId") Long facilityId);

    List<Recovery> recoveries(long deductionId);

    /** Flagged lines of the facility (all when null), newest first, at most {@code limit}. */
    List<FlaggedLine> flaggedLines(@Param("facilityId") Long facilityId, @Param("limit") int limit);

    FlaggedLine findLine(long id);

    void release(@Param("id") long id, @Param("on") LocalDate on, @Param("ref") String ref, @Param("by") String by,
                 @Param("at") LocalDateTime at);

    void particulars(@Param("id") long id, @Param("court") String court, @Param("caseNo") String caseNo);

    void status(@Param("id") long id, @Param("status") String status);

    void writeOff(@Param("id") long id, @Param("on") LocalDate on, @Param("note") String note, @Param("by") String by,
                  @Param("at") LocalDateTime at);

    @Select("SELECT id, code, name, lender, borrower, account_no FROM facility WHERE id = #{id}")
    FacilityLine facility(long id);
}
