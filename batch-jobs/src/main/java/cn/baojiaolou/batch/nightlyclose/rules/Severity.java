package cn.baojiaolou.batch.nightlyclose.rules;

public enum Severity {
    WARNING, SERIOUS
}
