package cn.baojiaolou.loan.overview;

import java.math.BigDecimal;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The dashboard's figures, each one aggregate query, within a district when one is given. */
@Mapper
public interface DashboardMapper {

    record SeverityCount(String severity, long open) {
    }

    record MonthFigure(String month, BigDecimal amount) {
    }

    List<SeverityCount> openExceptions(@Param("districtId") Long districtId);

    /** The last business day the nightly close finished (the exception counts are as of it), or null before any. */
    @Select("SELECT MAX(business_date) FROM business_day")
    java.time.LocalDate lastClosedDay();

    /** Net payments per month (yyyy-MM). */
    List<MonthFigure> paidByMonth(@Param("districtId") Long districtId);

    /** The release cap newly unlocked by verified milestones per month: allocation × the cap's step. */
    List<MonthFigure> unlockedByMonth(@Param("districtId") Long districtId);

    /** Homes delivered per month, from milestone verifications. */
    List<MonthFigure> deliveredByMonth(@Param("districtId") Long districtId);
}
