package cn.baojiaolou.loan.bankstatement;

/**
 * What one import did: {@code account} is the facility code whose 专户 the statement is of; {@code linesTotal} counts
 * the data lines of the file (header and blank lines left out), {@code imported} + {@code skipped} = linesTotal, the
 * skipped ones being lines whose bank serial number was already imported for this 专户.
 */
public record ImportResult(long importId, String account, String fileName, String encoding, int linesTotal,
                           int imported, int skipped) {
}
