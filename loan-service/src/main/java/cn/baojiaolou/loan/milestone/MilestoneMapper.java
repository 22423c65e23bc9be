package cn.baojiaolou.loan.milestone;

import cn.baojiaolou.loan.domain.milestone.Milestone;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface MilestoneMapper {

    List<Milestone> ofProject(long projectId);

    Milestone findById(long id);

    void insert(@Param("m") Milestone milestone, @Param("now") LocalDateTime now, @Param("by") String by,
                @Param("key") GeneratedKey key);

    void insertVerification(@Param("milestoneId") long milestoneId, @Param("verifiedOn") LocalDate verifiedOn,
                            @Param("inspector") String inspector, @Param("evidenceRef") String evidenceRef,
                            @Param("unitsDelivered") Integer unitsDelivered, @Param("by") String by,
                            @Param("now") LocalDateTime now);
}
