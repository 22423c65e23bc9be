package cn.baojiaolou.loan.domain.facility;

import cn.baojiaolou.loan.domain.interest.InterestTerms;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 借款批次: a special loan borrowed centrally (统借) from a policy bank. */
public record Facility(long id, String code, String name, String lender, String borrower, String accountNo,
                       BigDecimal amount, BigDecimal annualRate, BigDecimal penaltyMarkup, LocalDate startDate,
                       LocalDate maturityDate) {

    /** The contract's own terms; interest reads them with the approved changes (FacilityTerms). */
    public InterestTerms contractTerms() {
        return new InterestTerms(annualRate, penaltyMarkup, maturityDate);
    }
}
