package cn.baojiaolou.loan.bankstatement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One validated line of a 专户 statement file, before it is stored; {@code lineNo} counts the header as line 1. */
public record StatementLine(int lineNo, LocalDate txnDate, LocalDate valueDate, Direction direction,
                            BigDecimal amount, String counterpartyName, String counterpartyAccount,
                            String bankSerialNo, String voucherNo, BigDecimal balanceAfter, String memo) {
}
