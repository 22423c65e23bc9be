package cn.baojiaolou.loan.repayment;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

@Mapper
public interface RepaymentMapper {

    @Insert("INSERT INTO project_repayment (project_id, amount, value_date, voucher_no, created_at, created_by) "
            + "VALUES (#{projectId}, #{amount}, #{valueDate}, #{voucherNo}, #{now}, #{by})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id")
    void insert(@Param("projectId") long projectId, @Param("amount") BigDecimal amount,
                @Param("valueDate") LocalDate valueDate, @Param("voucherNo") String voucherNo,
                @Param("now") LocalDateTime now, @Param("by") String by, @Param("key") GeneratedKey key);
}
