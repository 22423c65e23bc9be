package cn.baojiaolou.loan.bankstatement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A stored line of a 专户 statement, as the readers see it; {@code txnTime} when the export had one, {@code courtFlag}
 * when the memo mentions a court action (冻结, 扣划, 司法, 法院, 执行).
 */
public record BankStatementLine(long id, String facilityCode, long importId, int lineNo, LocalDate txnDate,
                                LocalDate valueDate, Direction direction, BigDecimal amount, String counterpartyName,
                                String counterpartyAccount, String bankSerialNo, String voucherNo,
                                BigDecimal balanceAfter, String memo, LocalTime txnTime, boolean courtFlag) {
}
