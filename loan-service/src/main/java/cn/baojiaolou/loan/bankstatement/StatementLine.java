package cn.baojiaolou.loan.bankstatement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One validated line of a 专户 statement file, before it is stored; {@code lineNo} is the line (CSV, TXT) or row
 * (Excel) of the file, counting from 1 at the top; {@code txnTime} is null when the export has no time.
 */
public record StatementLine(int lineNo, LocalDate txnDate, LocalTime txnTime, LocalDate valueDate,
                            Direction direction, BigDecimal amount, String counterpartyName,
                            String counterpartyAccount, String bankSerialNo, String voucherNo,
                            BigDecimal balanceAfter, String memo) {
}
