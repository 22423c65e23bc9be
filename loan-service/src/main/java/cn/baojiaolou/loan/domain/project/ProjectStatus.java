package cn.baojiaolou.loan.domain.project;

/** 停工 → 复工 → 竣工 → 交付 → 销号. */
public enum ProjectStatus {
    STOPPED, RESUMED, COMPLETED, DELIVERED, CLOSED
}
