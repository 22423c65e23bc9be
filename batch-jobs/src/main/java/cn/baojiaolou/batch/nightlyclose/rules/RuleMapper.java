package cn.baojiaolou.batch.nightlyclose.rules;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The set-based reads of the 13 reconciliation rules (RuleMapper.xml beside this package). Each statement answers
 * the rows of one condition for all projects, facilities or bank lines at once, as of the end of a business date.
 * Read only. The ledger and statement reads take {@link Marks}: they read the close's incremental state and the rows
 * past its checkpoints instead of the whole history.
 */
@Mapper
public interface RuleMapper {

    // --- the close's incremental state (V5) -------------------------------------------------------------------

    /** The checkpoints of close_checkpoint; a missing one reads as nothing taken in. */
    record Checkpoints(LocalDate totalsAsOf, Long totalsLastId, Long ledgerMark, Long lineMark, Long flagMark,
                       Long milestoneMark, Long verificationMark) {
    }

    Checkpoints marks();

    /**
     * What the ledger and statement reads need to answer as of D: the totals' checkpoint (date C, id W), the value
     * dates between C and D (to add or subtract), the ids up to which the open tables have taken rows in, the id
     * up to which every disbursement has surely been looked at for disbursement_flag, and the ids up to which the
     * milestone state (V21) has taken milestones and verifications in.
     */
    record Marks(long totalsLastId, LocalDate betweenFrom, LocalDate betweenTo, long ledgerMark, long lineMark,
                 long flagMark, long milestoneMark, long verificationMark) {

        static Marks of(Checkpoints c, LocalDate d) {
            LocalDate asOf = c == null || c.totalsAsOf() == null ? LocalDate.of(1000, 1, 1) : c.totalsAsOf();
            long lastId = c == null || c.totalsLastId() == null ? 0 : c.totalsLastId();
            return new Marks(lastId, asOf.isBefore(d) ? asOf : d, asOf.isBefore(d) ? d : asOf,
                    c == null || c.ledgerMark() == null ? 0 : c.ledgerMark(),
                    c == null || c.lineMark() == null ? 0 : c.lineMark(),
                    c == null || c.flagMark() == null ? 0 : c.flagMark(),
                    c == null || c.milestoneMark() == null ? 0 : c.milestoneMark(),
                    c == null || c.verificationMark() == null ? 0 : c.verificationMark());
        }

        /** The milestones and verifications the milestone state has not taken in yet. */
        public MilestoneRange pastMilestoneMarks() {
            return new MilestoneRange(milestoneMark, Long.MAX_VALUE, verificationMark, Long.MAX_VALUE);
        }
    }

    /**
     * Milestones with id in (milestoneFrom, milestoneTo] and verifications with id in (verificationFrom,
     * verificationTo]: the rows an intake takes in, or (to = MAX) the rows past the milestone state's checkpoints.
     * Their projects are the ones whose milestone state is rewritten, or read live.
     */
    record MilestoneRange(long milestoneFrom, long milestoneTo, long verificationFrom, long verificationTo) {
        /** Every row: the stored gaps are not used at all. */
        public static final MilestoneRange ALL = new MilestoneRange(0, Long.MAX_VALUE, 0, Long.MAX_VALUE);
    }

    // --- OVER_PROGRESS ---------------------------------------------------------------------------------------

    /** A project whose Σ paid is above its allocation × the cap of its last milestone verified on or before D. */
    record ProgressRow(Long projectId, Long districtId, Long facilityId, BigDecimal allocated, BigDecimal capPercent,
                       BigDecimal paid) {
    }

    List<ProgressRow> overProgress(@Param("businessDate") LocalDate businessDate, @Param("m") Marks marks);

    record MilestoneRef(Long projectId, Long milestoneId) {
    }

    /** The milestones of these projects verified on or before D, in project and schedule order. */
    List<MilestoneRef> verifiedMilestones(@Param("projectIds") Collection<Long> projectIds,
                                          @Param("businessDate") LocalDate businessDate);

    // --- OVER_ALLOCATION -------------------------------------------------------------------------------------

    /** A project's position on a facility whose Σ paid is above what the facility allocated to it. */
    record PositionRow(Long projectId, Long districtId, Long facilityId, BigDecimal allocated, BigDecimal paid) {
    }

    List<PositionRow> overAllocation(@Param("businessDate") LocalDate businessDate, @Param("m") Marks marks);

    /** A PAYMENT or PAYMENT_REVERSAL row; answered in project, value-date and posting order. */
    record PaymentRow(Long projectId, Long facilityId, String entryType, BigDecimal amount, Long disbursementId) {
    }

    List<PaymentRow> paymentRows(@Param("projectIds") Collection<Long> projectIds,
                                 @Param("businessDate") LocalDate businessDate);

    // --- PAYEE_NOT_REGISTERED --------------------------------------------------------------------------------

    record PayeeRow(Long disbursementId, Long projectId, Long districtId, Long facilityId, BigDecimal amount,
                    LocalDate paidOn, String payeeName, String payeeKind, Long payeeProjectId, String payeeAccountNo,
                    String developerAccountNo) {
    }

    List<PayeeRow> suspectPayees(@Param("businessDate") LocalDate businessDate, @Param("m") Marks marks);

    // --- PROHIBITED_PURPOSE ----------------------------------------------------------------------------------

    record PurposeRow(Long disbursementId, Long projectId, Long districtId, Long facilityId, BigDecimal amount,
                      String purpose, String status, LocalDate paidOn) {
    }

    List<PurposeRow> prohibitedPurposes(@Param("businessDate") LocalDate businessDate,
                                        @Param("purposes") Collection<String> purposes, @Param("m") Marks marks);

    // --- MILESTONE_OVERDUE -----------------------------------------------------------------------------------

    record LateMilestoneRow(Long milestoneId, Long projectId, Long districtId, Long facilityId, String name,
                            LocalDate plannedDate) {
    }

    /**
     * Milestones planned before {@code plannedBefore} and not verified on or before D: the open milestones of the
     * state (V21), those whose verification is dated after D, and those past its checkpoint.
     */
    List<LateMilestoneRow> lateMilestones(@Param("businessDate") LocalDate businessDate,
                                          @Param("plannedBefore") LocalDate plannedBefore, @Param("m") Marks marks);

    // --- IDLE_FUNDS ------------------------------------------------------------------------------------------

    record IdlePaymentRow(Long disbursementId, Long projectId, Long districtId, Long facilityId, BigDecimal amount,
                          LocalDate paidOn) {
    }

    /** A stretch [gapFrom, gapTo) of a project without verifications, long enough to hold an idle payment. */
    record IdleGap(Long projectId, LocalDate gapFrom, LocalDate gapTo) {
    }

    /**
     * The gaps of every project that start on or before {@code paidOnOrBefore}, in project and date order: the stored
     * gaps (V21) of the projects outside {@code live}, computed from the milestones for the projects in it.
     */
    List<IdleGap> idleGaps(@Param("paidOnOrBefore") LocalDate paidOnOrBefore, @Param("idleDays") int idleDays,
                           @Param("r") MilestoneRange live);

    /** Whether some stored gap was cut with another idle-days threshold than this (the configuration changed). */
    boolean gapsCutWithOtherDays(@Param("idleDays") int idleDays);

    /**
     * Disbursements inside these gaps, paid on or before {@code paidOnOrBefore}, not reversed by D, whose gap ends
     * more than {@code idleDays} days after them; in project and payment order.
     */
    List<IdlePaymentRow> idlePayments(@Param("gaps") List<IdleGap> gaps, @Param("businessDate") LocalDate businessDate,
                                      @Param("paidOnOrBefore") LocalDate paidOnOrBefore,
                                      @Param("idleDays") int idleDays);

    // --- LEDGER_WITHOUT_BANK / BANK_WITHOUT_LEDGER -----------------------------------------------------------

    record UnmatchedEntryRow(Long ledgerEntryId, Long facilityId, Long projectId, Long districtId,
                             Long disbursementId, BigDecimal amount, LocalDate valueDate, String voucherNo) {
    }

    /** PAYMENT rows with value date on or before {@code valueOnOrBefore} and no bank match made by D. */
    List<UnmatchedEntryRow> unmatchedPayments(@Param("businessDate") LocalDate businessDate,
                                              @Param("valueOnOrBefore") LocalDate valueOnOrBefore,
                                              @Param("m") Marks marks);

    record UnmatchedLineRow(Long bankLineId, Long facilityId, BigDecimal amount, LocalDate valueDate,
                            String counterpartyName, String counterpartyAccount, String voucherNo, String memo) {
    }

    /** 专户 DEBIT lines with value date on or before {@code valueOnOrBefore} and no match made by D. */
    List<UnmatchedLineRow> unmatchedDebits(@Param("businessDate") LocalDate businessDate,
                                           @Param("valueOnOrBefore") LocalDate valueOnOrBefore,
                                           @Param("m") Marks marks);

    // --- AMOUNT_MISMATCH -------------------------------------------------------------------------------------

    record MismatchRow(Long bankLineId, Long facilityId, BigDecimal bankAmount, String voucherNo, Long ledgerEntryId,
                       BigDecimal ledgerAmount, Long projectId, Long districtId, Long disbursementId) {
    }

    /**
     * Unmatched bank lines and unmatched ledger rows of the same facility and direction that share a voucher number
     * but not the amount; in bank-line order, then by date distance and ledger id.
     */
    List<MismatchRow> amountMismatches(@Param("businessDate") LocalDate businessDate, @Param("m") Marks marks);

    // --- BALANCE_MISMATCH ------------------------------------------------------------------------------------

    record BalanceRow(Long facilityId, Long bankLineId, LocalDate lineValueDate, BigDecimal bankBalance,
                      BigDecimal bookBalance) {
    }

    List<BalanceRow> balanceMismatches(@Param("businessDate") LocalDate businessDate, @Param("m") Marks marks);

    // --- REPAYMENT_OVERDUE -----------------------------------------------------------------------------------

    /** A project position of D's interest accrual with overdue interest or penalty, or principal past maturity. */
    record OverdueRow(Long projectId, Long districtId, Long facilityId, LocalDate maturityDate, BigDecimal principal,
                      BigDecimal overdueInterest, BigDecimal overduePrincipal) {
    }

    List<OverdueRow> overdueRepayments(@Param("businessDate") LocalDate businessDate);

    // --- DELIVERY_OVERDUE ------------------------------------------------------------------------------------

    /** One row per project (milestoneId null) or per unverified 交付 milestone of it. */
    record DeliveryRow(Long projectId, Long districtId, Long facilityId, LocalDate expectedDeliveryDate,
                       Integer totalUnits, Integer deliveredUnits, Long milestoneId) {
    }

    List<DeliveryRow> overdueDeliveries(@Param("businessDate") LocalDate businessDate,
                                        @Param("milestoneName") String milestoneName);

    // --- COURT_DEDUCTION -------------------------------------------------------------------------------------

    /** A court deduction of a 专户 (issue 12) still open at the end of D: what is not recovered by then. */
    record CourtDeductionRow(Long deductionId, Long facilityId, String facilityCode, Long bankLineId, String court,
                             String caseNo, BigDecimal amount, BigDecimal recovered, LocalDate deductedOn) {
    }

    /** Deductions made on or before D, not written off by D, with something not recovered by D. */
    List<CourtDeductionRow> openCourtDeductions(@Param("businessDate") LocalDate businessDate);
}
