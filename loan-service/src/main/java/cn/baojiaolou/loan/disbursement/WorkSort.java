package cn.baojiaolou.loan.disbursement;

/**
 * The orders a work list offers (an allow-list: the mapper's ORDER BY is chosen from these, never built from input).
 * Every order ends on the id, so a page's last row is a unique keyset for the next page.
 */
public enum WorkSort {
    NEWEST, OLDEST, AMOUNT_DESC, AMOUNT_ASC;

    /** The order named by a page's {@code sort} parameter; anything unknown is the default, newest first. */
    public static WorkSort of(String name) {
        for (WorkSort s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return NEWEST;
    }
}
