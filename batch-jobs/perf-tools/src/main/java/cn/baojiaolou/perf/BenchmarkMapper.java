package cn.baojiaolou.perf;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;

/** The benchmark's undo of a close (BenchmarkMapper.xml): the running totals moved back over D's rows. */
@Mapper
public interface BenchmarkMapper {

    /** Subtracts D's rows (id ≤ lastId) from the running totals, so the next close of D moves them over again. */
    int moveTotalsBack(@Param("lastId") long lastId, @Param("day") LocalDate day);
}
