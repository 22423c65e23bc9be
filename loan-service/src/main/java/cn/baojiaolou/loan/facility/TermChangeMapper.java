package cn.baojiaolou.loan.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Param;

import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.interest.InterestTerms;

@Mapper
public interface TermChangeMapper {

    void insert(@Param("facilityId") long facilityId, @Param("kind") TermChange.Kind kind,
                @Param("effectiveOn") LocalDate effectiveOn, @Param("newMaturity") LocalDate newMaturity,
                @Param("newRate") BigDecimal newRate, @Param("approvalRef") String approvalRef,
                @Param("by") String by, @Param("now") LocalDateTime now, @Param("key") GeneratedKey key);

    TermChange findById(long id);

    /**
     * Row lock on the change: one decision only. The lock is taken on the change's row alone and the view read after
     * it: a FOR UPDATE over the view's joins would also lock the facility and the two users' rows (InnoDB locks every
     * row a locking read joins), outside the documented lock order.
     */
    default TermChange lock(long id) {
        return lockRow(id) == null ? null : findById(id);
    }

    @Select("SELECT id FROM facility_term_change WHERE id = #{id} FOR UPDATE")
    Long lockRow(long id);

    void decide(@Param("id") long id, @Param("status") TermChange.Status status, @Param("by") String by,
                @Param("now") LocalDateTime now, @Param("note") String note);

    /** Every change of the facility, asked for, approved or rejected, in effective-date order. */
    List<TermChange> ofFacility(long facilityId);

    /** The approved changes as interest reads them, in effective-date order. */
    List<InterestTerms.Step> approvedSteps(long facilityId);

    /** The last closed business day (null before the first close). */
    LocalDate lastClosedDay();

    /** The facility's latest ledger value date (null before its first posting). */
    LocalDate lastPosting(long facilityId);
}
