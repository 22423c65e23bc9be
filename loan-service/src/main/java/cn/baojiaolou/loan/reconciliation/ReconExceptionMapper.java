package cn.baojiaolou.loan.reconciliation;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface ReconExceptionMapper {

    /**
     * Those holding on {@code businessDate}, or (with from/to) seen at any time of the period; any status if null.
     * One page in {@code sort} order after the row {@code afterId} (keyset; null: the first page).
     */
    List<ReconException> search(@Param("businessDate") LocalDate businessDate, @Param("from") LocalDate from,
                                @Param("to") LocalDate to, @Param("status") String status,
                                @Param("rule") String rule, @Param("districtId") Long districtId,
                                @Param("projectId") Long projectId, @Param("sort") ExceptionSort sort,
                                @Param("afterId") Long afterId, @Param("limit") int limit);

    ReconException findById(long id);

    int resolve(@Param("id") long id, @Param("status") String status, @Param("note") String note,
                @Param("by") String by, @Param("now") LocalDateTime now);
}
