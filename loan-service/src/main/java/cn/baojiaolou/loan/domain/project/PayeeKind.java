package cn.baojiaolou.loan.domain.project;

public enum PayeeKind {
    CONTRACTOR, SUPPLIER, WAGE_ACCOUNT, DEVELOPER
}
