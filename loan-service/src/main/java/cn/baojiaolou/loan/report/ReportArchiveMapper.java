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

    /**
     * Newest business date first, then newest row; {@code text} matches the report number or a parameter's value
     * (a project or district code); the page after the row {@code afterId} (keyset; null: the first).
     */
    List<ArchivedReport> search(@Param("businessDate") LocalDate businessDate, @Param("type") String type,
                                @Param("districtId") Long districtId, @Param("text") String text,
                                @Param("afterId") Long afterId, @Param("limit") int limit);

    /** The month's archived PDFs (issue 13: the monthly archive package). */
    @Select("SELECT * FROM report_archive WHERE business_date BETWEEN #{first} AND #{last} "
            + "ORDER BY business_date, report_type, report_number, id")
    List<ArchivedReport> between(@Param("first") LocalDate first, @Param("last") LocalDate last);

    /** The audit chain's head as it stood at {@code before} (UTC): the last row written before it. */
    @Select("SELECT id, hash FROM audit_event WHERE occurred_at < #{before} ORDER BY id DESC LIMIT 1")
    java.util.Map<String, Object> chainHeadBefore(@Param("before") java.time.LocalDateTime before);
}
