package cn.baojiaolou.loan.reconciliation;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface ReconExceptionMapper {

    /** Those holding on {@code businessDate}, or (with from/to) seen at any time of the period; any status if null. */
    List<ReconException> search(@Param("businessDate") LocalDate businessDate, @Param("from") LocalDate from,
                                @Param("to") LocalDate to, @Param("status") String status,
                                @Param("rule") String rule, @Param("districtId") Long districtId,
                                @Param("projectId") Long projectId);

    ReconException findById(long id);

    int resolve(@Param("id") long id, @Param("status") String status, @Param("note") String note,
                @Param("by") String by, @Param("now") LocalDateTime now);
}
