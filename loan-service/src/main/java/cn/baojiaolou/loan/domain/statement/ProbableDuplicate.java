package cn.baojiaolou.loan.domain.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The identity of a 专户 statement line apart from its bank serial number (issue 12): a new line with the same
 * transaction date, direction, amount, counterparty account and voucher as a stored line of the same 专户, but another
 * serial, is a probable duplicate (the same export re-saved, or the bank's serials renumbered) and is held for an
 * accountant instead of being imported. A blank counterparty account or voucher matches only a blank one.
 */
public record ProbableDuplicate(LocalDate txnDate, String direction, BigDecimal amount, String counterpartyAccount,
                                String voucherNo) {

    public static ProbableDuplicate of(LocalDate txnDate, String direction, BigDecimal amount,
                                       String counterpartyAccount, String voucherNo) {
        return new ProbableDuplicate(txnDate, direction, amount == null ? null : amount.setScale(2,
                RoundingMode.UNNECESSARY), StatementAccount.normalise(counterpartyAccount), voucher(voucherNo));
    }

    private static String voucher(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return Normalizer.normalize(v.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
