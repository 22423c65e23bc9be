package cn.baojiaolou.loan.report;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ReportArchiveMapper {

    /** Inserts unless the same bytes are archived already; answers 1 if it inserted. */
    int insertIfAbsent(@Param("r") ArchivedReport report);

    @Select("SELECT * FROM report_archive WHERE sha256 = #{sha256}")
    ArchivedReport findBySha256(String sha256);

    List<ArchivedReport> search(@Param("businessDate") LocalDate businessDate, @Param("type") String type,
                                @Param("districtId") Long districtId, @Param("limit") int limit);
}
