package cn.baojiaolou.loan.user;

/**
 * The method-security rules of the services (@PreAuthorize), one constant per group of roles. They repeat, at the
 * service, what SecurityConfig's URL rules say at the door: a call that reaches a service by another way (a page, the
 * batch runner, a future endpoint) is still checked.
 */
public final class Authorities {

    /** Anyone signed in (district scope is then the service's own check). */
    public static final String SIGNED_IN = "isAuthenticated()";
    /** 会计: records money. */
    public static final String ACCOUNTANT = "hasRole('ACCOUNTANT')";
    /** 会计, or the batch runner importing a statement. */
    public static final String ACCOUNTANT_OR_SYSTEM = "hasAnyRole('ACCOUNTANT', 'SYSTEM')";
    /** 复核: approves, rejects, verifies, resolves. */
    public static final String REVIEWER = "hasRole('REVIEWER')";
    /** 管理员. */
    public static final String ADMIN = "hasRole('ADMIN')";
    /** Those who read the reports: 会计, 复核, 审计; and the nightly print. */
    public static final String REPORT_READERS = "hasAnyRole('ACCOUNTANT', 'REVIEWER', 'AUDITOR', 'SYSTEM')";
    /** The nightly close and the batch runner only. */
    public static final String SYSTEM = "hasRole('SYSTEM')";
    /** Who may export the whole 台账: 会计 and 审计. */
    public static final String LEDGER_EXPORTERS = "hasAnyRole('ACCOUNTANT', 'AUDITOR')";
    /** The audit trail: 审计 and 管理员. */
    public static final String AUDIT_READERS = "hasAnyRole('AUDITOR', 'ADMIN')";

    private Authorities() {
    }
}
