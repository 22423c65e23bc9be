package cn.baojiaolou.loan.domain.project;

/** A registered recipient of a project's disbursements; only these can be paid. */
public record Payee(long id, long projectId, String name, String accountNo, String bankName, PayeeKind kind) {
}
