package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.reconciliation.Refs;

import java.math.BigDecimal;

/**
 * One condition a rule found on a business date. {@code subjectKey} names what it is about (e.g. "project:12",
 * "bank-line:345", "milestone:7") and, with the rule code, identifies the condition from one night to the next:
 * the same key tomorrow carries the exception forward; a key no longer found closes it.
 */
public record Finding(String ruleCode, Severity severity, String subjectKey, Long projectId, Long districtId,
                      Long facilityId, BigDecimal amount, String detail, Refs refs) {
}
