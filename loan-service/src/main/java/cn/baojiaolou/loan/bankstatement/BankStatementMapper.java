package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface BankStatementMapper {

    /** A facility whose code, or whose 专户 account number (as written or without blanks), is {@code account}. */
    record Account(long id, String code, String accountNo) {
    }

    record NewImport(long facilityId, String fileName, String fileSha256, String encoding, int linesTotal,
                     int linesImported, int linesSkipped, String importedBy, LocalDateTime importedAt) {
    }

    @Select("SELECT id, code, account_no FROM facility WHERE code = #{account} OR account_no = #{account} "
            + "OR account_no = #{compact} ORDER BY id")
    List<Account> findAccounts(@Param("account") String account, @Param("compact") String compact);

    @Insert("INSERT INTO bank_statement_import (facility_id, file_name, file_sha256, encoding, lines_total, "
            + "lines_imported, lines_skipped, imported_by, imported_at) VALUES (#{i.facilityId}, #{i.fileName}, "
            + "#{i.fileSha256}, #{i.encoding}, #{i.linesTotal}, #{i.linesImported}, #{i.linesSkipped}, "
            + "#{i.importedBy}, #{i.importedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id")
    void insertImport(@Param("i") NewImport newImport, @Param("key") GeneratedKey key);

    /** Lines in id order after {@code afterId}, optionally of one facility and within value dates (inclusive). */
    @Select("<script>SELECT l.id, f.code AS facility_code, l.import_id, l.line_no, l.txn_date, l.value_date, "
            + "l.direction, l.amount, l.counterparty_name, l.counterparty_account, l.bank_serial_no, l.voucher_no, "
            + "l.balance_after, l.memo FROM bank_statement_line l JOIN facility f ON f.id = l.facility_id "
            + "<where><if test='facilityId != null'> AND l.facility_id = #{facilityId} </if>"
            + "<if test='from != null'> AND l.value_date &gt;= #{from} </if>"
            + "<if test='to != null'> AND l.value_date &lt;= #{to} </if>"
            + "<if test='afterId != null'> AND l.id &gt; #{afterId} </if></where> ORDER BY l.id LIMIT #{limit}"
            + "</script>")
    List<BankStatementLine> lines(@Param("facilityId") Long facilityId, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to, @Param("afterId") Long afterId,
                                  @Param("limit") int limit);
}
