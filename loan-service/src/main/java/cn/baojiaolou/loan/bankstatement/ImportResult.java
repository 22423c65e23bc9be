package cn.baojiaolou.loan.bankstatement;

/**
 * What one import did: {@code account} is the facility code whose 专户 the statement is of; {@code linesTotal} counts
 * the data lines of the file (header, title lines, totals rows and blank lines left out); imported + skipped + held =
 * linesTotal, the skipped ones being lines whose bank serial number was already imported (or held) for this 专户, the
 * held ones probable duplicates of a stored line under another serial, waiting for an accountant. {@code courtFlagged}
 * counts the imported lines whose memo mentions a court action; {@code layout} names how the file was read.
 */
public record ImportResult(long importId, String account, String fileName, String encoding, int linesTotal,
                           int imported, int skipped, int held, int courtFlagged, String layout) {
}
