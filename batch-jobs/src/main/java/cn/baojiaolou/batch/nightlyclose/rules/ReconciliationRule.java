package cn.baojiaolou.batch.nightlyclose.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * One of the 13 reconciliation rules (DOMAIN.md, and COURT_DEDUCTION of issue 12). It evaluates the state as of the
 * end of business date D (ledger rows with value_date ≤ D, verifications with verified_on ≤ D, bank lines with
 * value_date ≤ D, the interest accrual of D) with set-based SQL, and answers every condition that holds; it writes
 * nothing.
 */
public interface ReconciliationRule {

    /** The rule code of DOMAIN.md, e.g. "OVER_PROGRESS". */
    String code();

    List<Finding> evaluate(LocalDate businessDate);
}
