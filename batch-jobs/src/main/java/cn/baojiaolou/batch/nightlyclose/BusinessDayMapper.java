package cn.baojiaolou.batch.nightlyclose;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDate;
import java.util.List;

/** The calendar of closed business days (business_day), and the first value date of the ledger. */
@Mapper
public interface BusinessDayMapper {

    @Select("SELECT COUNT(*) FROM business_day WHERE business_date = #{day}")
    int countClosed(LocalDate day);

    @Select("SELECT MAX(business_date) FROM business_day")
    LocalDate lastClosed();

    @Select("SELECT MIN(value_date) FROM ledger_entry")
    LocalDate firstValueDate();

    @Select("SELECT COUNT(*) FROM facility")
    int countFacilities();

    /**
     * Business dates whose nightly close completed (Spring Batch's records) but that business_day does not hold:
     * days the database has lost since it closed them.
     */
    List<LocalDate> lostDays();

    /** Records D as closed with the counts of what its close produced; a second call for D changes nothing. */
    int recordClosed(@Param("day") LocalDate day, @Param("jobExecutionId") long jobExecutionId);
}
