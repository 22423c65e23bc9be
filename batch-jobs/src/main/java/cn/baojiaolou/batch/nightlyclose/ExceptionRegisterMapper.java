package cn.baojiaolou.batch.nightlyclose;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The writes of the exception register (ExceptionRegisterMapper.xml): open, carry forward and close, set-based. */
@Mapper
public interface ExceptionRegisterMapper {

    record ActiveException(Long id, String activeKey, String ruleCode) {
    }

    /** A new exception, or an open one seen again (id set). */
    record ExceptionRow(Long id, String ruleCode, String severity, String subjectKey, String activeKey,
                        Long projectId, Long districtId, Long facilityId, BigDecimal amount, String detail,
                        String refs) {
    }

    /** The open exceptions, locked for this transaction (one register at a time). */
    List<ActiveException> lockActive();

    int open(@Param("rows") List<ExceptionRow> rows, @Param("day") LocalDate day);

    int carry(@Param("rows") List<ExceptionRow> rows, @Param("day") LocalDate day);

    int close(@Param("ids") List<Long> ids, @Param("day") LocalDate day);

    @Select("SELECT COUNT(*) FROM recon_exception WHERE active_key IS NOT NULL")
    int countOpen();
}
