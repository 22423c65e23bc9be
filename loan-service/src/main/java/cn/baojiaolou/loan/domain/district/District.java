package cn.baojiaolou.loan.domain.district;

/** 区县: a user scoped to a district sees only its projects. */
public record District(long id, String code, String name) {
}
