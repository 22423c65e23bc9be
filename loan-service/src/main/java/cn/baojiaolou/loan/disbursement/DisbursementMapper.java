package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface DisbursementMapper {

    void insert(@Param("projectId") long projectId, @Param("facilityId") long facilityId,
                @Param("payeeId") long payeeId, @Param("milestoneId") long milestoneId,
                @Param("purpose") String purpose, @Param("amount") BigDecimal amount,
                @Param("by") String by, @Param("now") LocalDateTime now, @Param("key") GeneratedKey key);

    Disbursement findById(long id);

    Long lock(long id);

    /**
     * A work list (待复核, 待支付, or the requests one person made that came back rejected), one page in {@code sort}
     * order: the rows after the row {@code afterId} (keyset on the sort column, then the id), filtered by project code
     * or name text.
     */
    List<Disbursement> workList(@Param("status") DisbursementStatus status, @Param("requestedBy") String requestedBy,
                                @Param("districtId") Long districtId, @Param("text") String text,
                                @Param("sort") WorkSort sort, @Param("afterId") Long afterId,
                                @Param("limit") int limit);

    List<Disbursement> search(@Param("projectId") Long projectId, @Param("status") DisbursementStatus status,
                              @Param("districtId") Long districtId);

    /** Guarded: moves the status only from the expected one; answers the rows changed. */
    int decide(@Param("id") long id, @Param("from") DisbursementStatus from, @Param("to") DisbursementStatus to,
               @Param("by") String by, @Param("now") LocalDateTime now, @Param("note") String note);

    int markPaid(@Param("id") long id, @Param("paidOn") LocalDate paidOn, @Param("voucherNo") String voucherNo,
                 @Param("by") String by, @Param("now") LocalDateTime now);

    int markReversed(@Param("id") long id, @Param("reversedOn") LocalDate reversedOn,
                     @Param("reason") String reason, @Param("by") String by, @Param("now") LocalDateTime now);
}
