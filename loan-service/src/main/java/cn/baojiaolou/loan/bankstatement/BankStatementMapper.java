package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

@Mapper
public interface BankStatementMapper {

    /**
     * A facility whose code, or whose 专户 account number (as written or without blanks), is {@code account};
     * {@code accountName} is the 专户's name, the borrower of record's (the 专户 is opened in its name).
     */
    record Account(long id, String code, String accountNo, String accountName) {
    }

    record NewImport(long facilityId, String fileName, String fileSha256, String encoding, int linesTotal,
                     int linesImported, int linesSkipped, String importedBy, LocalDateTime importedAt, String layout,
                     int linesHeld, int linesCourt) {
    }

    /** The fields of a stored line a probable duplicate is recognised by. */
    record StoredKey(long id, LocalDate txnDate, String direction, BigDecimal amount, String counterpartyAccount,
                     String voucherNo) {
    }

    /** A line held as a probable duplicate, with the stored line it looks like. */
    record HeldLine(long id, String facilityCode, long importId, String fileName, int lineNo, LocalDate txnDate,
                    LocalTime txnTime, LocalDate valueDate, Direction direction, BigDecimal amount,
                    String counterpartyName, String counterpartyAccount, String bankSerialNo, String voucherNo,
                    BigDecimal balanceAfter, String memo, boolean courtFlag, long duplicateOfLineId,
                    String duplicateSerialNo, String status, String decidedBy, LocalDateTime decidedAt,
                    String decisionNote, Long bankLineId, long facilityId) {
    }

    /** A saved header mapping, its cells and fields as JSON arrays. */
    record MappingRow(long id, long facilityId, String headerSignature, String headerCells, String fields,
                      String createdBy, LocalDateTime createdAt) {
    }

    @Select("SELECT id, code, account_no, borrower AS account_name FROM facility WHERE code = #{account} "
            + "OR account_no = #{account} OR account_no = #{compact} ORDER BY id")
    List<Account> findAccounts(@Param("account") String account, @Param("compact") String compact);

    void insertImport(@Param("i") NewImport newImport, @Param("key") GeneratedKey key);

    /** Lines in id order after {@code afterId}, optionally of one facility and within value dates (inclusive). */
    List<BankStatementLine> lines(@Param("facilityId") Long facilityId, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to, @Param("afterId") Long afterId,
                                  @Param("limit") int limit);

    /** The facility's stored lines dated within [from, to], for the probable-duplicate check. */
    List<StoredKey> storedKeys(@Param("facilityId") long facilityId, @Param("from") LocalDate from,
                               @Param("to") LocalDate to);

    /** Of {@code serials}, those this facility has as a line or as a held line (in any state). */
    List<String> knownSerials(@Param("facilityId") long facilityId, @Param("serials") List<String> serials);

    /** The ids of an import's lines at these line numbers that are court-flagged debits. */
    @Select("SELECT id FROM bank_statement_line WHERE import_id = #{importId} AND court_flag = 1 "
            + "AND direction = 'DEBIT' ORDER BY id")
    List<Long> courtDebits(long importId);

    void insertHeld(@Param("h") HeldLine held);

    List<HeldLine> held(@Param("facilityId") Long facilityId, @Param("status") String status,
                        @Param("limit") int limit);

    HeldLine findHeld(long id);

    @Select("SELECT id FROM bank_statement_held_line WHERE id = #{id} FOR UPDATE")
    Long lockHeld(long id);

    /** Copies a held line into the statement; answers nothing, the caller reads the new id by serial. */
    void insertFromHeld(long id);

    @Select("SELECT id FROM bank_statement_line WHERE facility_id = #{facilityId} AND bank_serial_no = #{serial}")
    Long lineIdBySerial(@Param("facilityId") long facilityId, @Param("serial") String serial);

    void decideHeld(@Param("id") long id, @Param("status") String status, @Param("by") String by,
                    @Param("at") LocalDateTime at, @Param("note") String note, @Param("lineId") Long lineId);

    @Select("SELECT id, facility_id, header_signature, header_cells, fields, created_by, created_at "
            + "FROM bank_statement_mapping WHERE facility_id = #{facilityId} ORDER BY id")
    List<MappingRow> mappings(long facilityId);

    @Insert("INSERT INTO bank_statement_mapping (facility_id, header_signature, header_cells, fields, created_by, "
            + "created_at) VALUES (#{m.facilityId}, #{m.headerSignature}, #{m.headerCells}, #{m.fields}, "
            + "#{m.createdBy}, #{m.createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id")
    void insertMapping(@Param("m") MappingRow mapping, @Param("key") GeneratedKey key);

    @org.apache.ibatis.annotations.Delete("DELETE FROM bank_statement_mapping WHERE id = #{id}")
    void deleteMapping(long id);
}
