package cn.baojiaolou.loan.bankstatement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored line of a 专户 statement, as the readers see it. */
public record BankStatementLine(long id, String facilityCode, long importId, int lineNo, LocalDate txnDate,
                                LocalDate valueDate, Direction direction, BigDecimal amount, String counterpartyName,
                                String counterpartyAccount, String bankSerialNo, String voucherNo,
                                BigDecimal balanceAfter, String memo) {
}
