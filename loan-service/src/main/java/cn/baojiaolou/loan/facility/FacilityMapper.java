package cn.baojiaolou.loan.facility;

import cn.baojiaolou.loan.domain.court.AccountHolds;
import cn.baojiaolou.loan.domain.facility.Facility;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface FacilityMapper {

    String COLUMNS = "id, code, name, lender, borrower, account_no, amount, annual_rate, penalty_markup, "
            + "start_date, maturity_date";

    @Select("SELECT " + COLUMNS + " FROM facility WHERE code = #{code}")
    Facility findByCode(String code);

    @Select("SELECT " + COLUMNS + " FROM facility WHERE id = #{id}")
    Facility findById(long id);

    /** The facilities a project has allocations from, in the order they were first allocated. */
    @Select("SELECT f.id, f.code, f.name, f.lender, f.borrower, f.account_no, f.amount, f.annual_rate, "
            + "f.penalty_markup, f.start_date, f.maturity_date FROM facility f "
            + "JOIN (SELECT facility_id, MIN(id) AS first_id FROM allocation WHERE project_id = #{projectId} "
            + "GROUP BY facility_id) a ON a.facility_id = f.id ORDER BY a.first_id")
    List<Facility> allocatedTo(long projectId);

    @Select("SELECT " + COLUMNS + " FROM facility ORDER BY code")
    List<Facility> findAll();

    /** The row lock that serialises every money movement of this facility's 专户 and caps. */
    @Select("SELECT " + COLUMNS + " FROM facility WHERE id = #{id} FOR UPDATE")
    Facility lock(long id);

    /**
     * The facility's row shared: for a write that needs the facility to stay as it is but moves no 专户 money (a new
     * request), so that requests on different projects of one facility run side by side. Payments still queue for
     * the exclusive lock, in the same order (facility, then project).
     */
    @Select("SELECT " + COLUMNS + " FROM facility WHERE id = #{id} LOCK IN SHARE MODE")
    Facility lockShared(long id);

    @Insert("INSERT INTO facility (code, name, lender, borrower, account_no, amount, annual_rate, penalty_markup, "
            + "start_date, maturity_date, created_at, created_by) VALUES (#{f.code}, #{f.name}, #{f.lender}, "
            + "#{f.borrower}, #{f.accountNo}, #{f.amount}, #{f.annualRate}, #{f.penaltyMarkup}, #{f.startDate}, "
            + "#{f.maturityDate}, #{now}, #{by})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id")
    void insert(@Param("f") Facility facility, @Param("now") LocalDateTime now, @Param("by") String by,
                @Param("key") GeneratedKey key);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM allocation WHERE facility_id = #{id}")
    java.math.BigDecimal allocatedTotal(long id);

    /** What court freezes and unrecovered deductions hold back of the 专户's book balance. */
    AccountHolds holds(@Param("facilityId") long facilityId);
}
