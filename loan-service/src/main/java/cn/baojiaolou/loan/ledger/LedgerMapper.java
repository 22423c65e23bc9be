package cn.baojiaolou.loan.ledger;

import cn.baojiaolou.loan.domain.ledger.FacilityTotals;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import cn.baojiaolou.loan.domain.ledger.PositionTotals;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;

@Mapper
public interface LedgerMapper {

    void insert(@Param("e") LedgerEntry entry, @Param("key") GeneratedKey key);

    LedgerEntry findById(long id);

    LedgerEntry findPaymentOf(long disbursementId);

    LedgerEntry findByVoucher(@Param("facilityId") long facilityId, @Param("entryType") EntryType entryType,
                              @Param("voucherNo") String voucherNo);

    FacilityTotals facilityTotals(long facilityId);

    PositionTotals positionTotals(@Param("projectId") long projectId, @Param("facilityId") Long facilityId);

    /** Facility-level events (drawdowns, 统还) in posting order. */
    List<LedgerEntry> facilityEvents(long facilityId);

    /** A project's events with one facility (payments, reversals, repayments) in posting order. */
    /** The six columns the interest replay needs, in value-date order: mapping the whole row cost more than the SQL. */
    List<PositionRow> positionRows(@Param("projectId") long projectId, @Param("facilityId") long facilityId);

    record PositionRow(cn.baojiaolou.loan.domain.ledger.EntryType entryType, java.time.LocalDate valueDate,
                       java.math.BigDecimal amount, java.math.BigDecimal principal, java.math.BigDecimal interest,
                       java.math.BigDecimal penalty) {
    }

    /** A project's rows with value dates in [from, to]. */
    List<LedgerEntry> projectEntriesBetween(@Param("projectId") long projectId, @Param("from") java.time.LocalDate from,
                                            @Param("to") java.time.LocalDate to);

    /** Paid, principal outstanding and interest (with penalty) repaid by a project before {@code from}. */
    ProjectTotals projectTotalsBefore(@Param("projectId") long projectId, @Param("from") java.time.LocalDate from);

    record ProjectTotals(java.math.BigDecimal paid, java.math.BigDecimal principal, java.math.BigDecimal interest) {
    }

    List<LedgerEntry> projectEntries(long projectId);

    LocalDate latestFacilityEventDate(long facilityId);

    LocalDate latestProjectEventDate(long projectId);
}
