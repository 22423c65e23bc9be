package cn.baojiaolou.loan.disbursement;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The reviewers' queue of milestones to verify. */
@Mapper
public interface ReviewMapper {

    record PendingMilestone(long id, String projectCode, String projectName, int seq, String name,
                            LocalDate plannedDate, java.math.BigDecimal cumulativeCapPercent) {
    }

    /** Unverified milestones planned up to {@code plannedBy}, the next one of each project first, oldest first. */
    List<PendingMilestone> awaitingVerification(@Param("districtId") Long districtId,
                                                @Param("plannedBy") LocalDate plannedBy, @Param("limit") int limit);
}
