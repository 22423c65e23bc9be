package cn.baojiaolou.loan.project;

/** 停工 → 复工 → 竣工 → 交付 → 销号. */
public enum ProjectStatus {
    STOPPED, RESUMED, COMPLETED, DELIVERED, CLOSED
}
