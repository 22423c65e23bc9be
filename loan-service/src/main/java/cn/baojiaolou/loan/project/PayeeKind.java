package cn.baojiaolou.loan.project;

public enum PayeeKind {
    CONTRACTOR, SUPPLIER, WAGE_ACCOUNT, DEVELOPER
}
