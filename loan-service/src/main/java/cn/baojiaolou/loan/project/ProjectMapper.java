package cn.baojiaolou.loan.project;

import cn.baojiaolou.loan.domain.project.Allocation;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.domain.project.StatusChange;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface ProjectMapper {

    Project findByCode(String code);

    Project findById(long id);

    /**
     * Row lock on the project: every cap check of the project happens under it. Only the project's row is locked and
     * the project read after it: a FOR UPDATE over its join with district would lock the district's row too, so every
     * posting of a district would queue behind every other (InnoDB locks every row a locking read joins).
     */
    default Project lock(long id) {
        return lockRow(id) == null ? null : findById(id);
    }

    @Select("SELECT id FROM project WHERE id = #{id} FOR UPDATE")
    Long lockRow(long id);

    List<Project> search(@Param("districtId") Long districtId, @Param("status") ProjectStatus status,
                         @Param("text") String text);

    void insert(@Param("p") Project project, @Param("now") LocalDateTime now, @Param("by") String by,
                @Param("key") GeneratedKey key);

    void updateFacts(@Param("id") long id, @Param("f") ProjectService.ProjectFacts facts);

    void addDeliveredUnits(@Param("id") long id, @Param("units") int units);

    void insertPayee(@Param("p") Payee payee, @Param("now") LocalDateTime now, @Param("by") String by,
                     @Param("key") GeneratedKey key);

    Payee findPayee(long id);

    List<Payee> payees(long projectId);

    void insertAllocation(@Param("a") Allocation allocation, @Param("now") LocalDateTime now,
                          @Param("by") String by, @Param("key") GeneratedKey key);

    List<Allocation> allocations(long projectId);

    /**
     * 预占: what the project's open requests (on this facility, or on all when null) hold of its caps until they are
     * paid or rejected: REQUESTED and APPROVED disbursements.
     */
    BigDecimal reserved(@Param("projectId") long projectId, @Param("facilityId") Long facilityId);

    BigDecimal allocatedTotal(@Param("projectId") long projectId, @Param("facilityId") Long facilityId);

    void insertStatusChange(@Param("projectId") long projectId, @Param("from") ProjectStatus from,
                            @Param("to") ProjectStatus to, @Param("effectiveOn") LocalDate effectiveOn,
                            @Param("documentRef") String documentRef, @Param("note") String note,
                            @Param("now") LocalDateTime now, @Param("by") String by);

    void updateStatus(@Param("id") long id, @Param("status") ProjectStatus status);

    /** The project's life cycle in the order it happened (effective date, then entry). */
    List<StatusChange> statusHistory(long projectId);

    /** REQUESTED and APPROVED disbursements: requests not yet paid or rejected. */
    int openRequests(long projectId);

    int openSeriousExceptions(long projectId);
}
