package cn.baojiaolou.loan.reconciliation;

/**
 * The orders the exception list offers (an allow-list the mapper chooses its ORDER BY from). Each ends on the id, so
 * the last row shown is the keyset of the next page.
 */
public enum ExceptionSort {
    /** SERIOUS first, then by district: what a reviewer works through. */
    SEVERITY,
    /** Last seen latest first. */
    NEWEST,
    /** Largest amount first. */
    AMOUNT_DESC;

    public static ExceptionSort of(String name) {
        for (ExceptionSort s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return SEVERITY;
    }
}
