package cn.baojiaolou.loan.bankstatement;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a 专户 bank statement (CSV in UTF-8 or GBK, or XLSX). The whole file is read and validated first, outside
 * any transaction; a single bad line refuses the file ({@link BankStatementInvalidException}, every bad line listed)
 * and nothing is stored. A good file is stored in one transaction under the facility's row lock: one import row,
 * the lines whose bank serial number is new for this 专户 (inserted in multi-row chunks), and an audit row. Lines
 * already imported are skipped and counted, so importing the same file again changes no line. Free of HTTP types:
 * the web API and the batch runner both call {@link #importStatement}.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class BankStatementImporter {

    public static final String AUDIT_ACTION = "BANK_STATEMENT_IMPORTED";
    /** Serials per IN list when looking for lines already imported. */
    static final int LOOKUP_CHUNK = 1000;
    /** Rows per multi-row INSERT. */
    static final int INSERT_CHUNK = 500;
    private static final int FILE_NAME_MAX = 255;
    private static final int LINE_COLUMNS = 13;

    private final BankStatementMapper mapper;
    private final FacilityMapper facilities;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    public BankStatementImporter(BankStatementMapper mapper, FacilityMapper facilities, AuditTrail audit,
                                 BusinessClock clock, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.mapper = mapper;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /**
     * @param account  the facility code, or its 专户 account number, whose statement this is
     * @param fileName the file's name as uploaded or found on disk (kept for the record)
     * @param content  the file's bytes
     * @throws Refusal 422 on "account" for an unknown 专户, on "file" for an empty or unreadable file or a bad
     *                      header, {@link BankStatementInvalidException} for bad lines; 403 for a district user
     */
    @PreAuthorize(Authorities.ACCOUNTANT_OR_SYSTEM)
    public ImportResult importStatement(String account, String fileName, byte[] content) {
        requireCityScope();
        BankStatementMapper.Account facility = resolve(account);
        BankStatementParser.ParsedStatement parsed = BankStatementParser.parse(content, clock.today());
        String name = fileName(fileName);
        String sha256 = sha256(content);
        return tx.execute(status -> store(facility, name, sha256, parsed));
    }

    /** The facility a statement's {@code account} names: its code or its 专户 account number. */
    public BankStatementMapper.Account resolve(String account) {
        if (account == null || account.isBlank()) {
            throw Refusal.ruleOnField("account", "bankStatement.accountMissing");
        }
        String a = account.strip();
        List<BankStatementMapper.Account> found = mapper.findAccounts(a, a.replaceAll("\\s+", ""));
        for (BankStatementMapper.Account f : found) {
            if (f.code().equalsIgnoreCase(a)) {
                return f;
            }
        }
        if (found.isEmpty()) {
            throw Refusal.ruleOnField("account", "bankStatement.accountUnknown", BankStatementParser.echo(a));
        }
        if (found.size() > 1) {
            throw Refusal.ruleOnField("account", "bankStatement.accountAmbiguous",
                    BankStatementParser.echo(a));
        }
        return found.get(0);
    }

    private ImportResult store(BankStatementMapper.Account facility, String fileName, String sha256,
                               BankStatementParser.ParsedStatement parsed) {
        // one import of a 专户 at a time: a concurrent import of the same file waits, then skips every line
        facilities.lock(facility.id());
        List<StatementLine> lines = parsed.lines();
        Set<String> existing = existingSerials(facility.id(), lines);
        List<StatementLine> fresh = lines.stream()
                .filter(l -> !existing.contains(BankStatementParser.serialKey(l.bankSerialNo()))).toList();
        int skipped = lines.size() - fresh.size();
        GeneratedKey key = new GeneratedKey();
        mapper.insertImport(new BankStatementMapper.NewImport(facility.id(), fileName, sha256, parsed.encoding(),
                lines.size(), fresh.size(), skipped, CurrentUser.username(), clock.nowUtc()), key);
        long importId = key.getId();
        for (int i = 0; i < fresh.size(); i += INSERT_CHUNK) {
            insertLines(facility.id(), importId, fresh.subList(i, Math.min(i + INSERT_CHUNK, fresh.size())));
        }
        ImportResult result = new ImportResult(importId, facility.code(), fileName, parsed.encoding(), lines.size(),
                fresh.size(), skipped);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("importId", importId);
        after.put("fileName", fileName);
        after.put("fileSha256", sha256);
        after.put("encoding", parsed.encoding());
        after.put("linesTotal", lines.size());
        after.put("imported", fresh.size());
        after.put("skipped", skipped);
        audit.write(AUDIT_ACTION, "facility", facility.code(), null, after);
        return result;
    }

    /** The serial keys among the file's that this facility already has: one query per ≤ 1000 serials. */
    private Set<String> existingSerials(long facilityId, List<StatementLine> lines) {
        List<String> serials = lines.stream().map(StatementLine::bankSerialNo).toList();
        Set<String> found = new HashSet<>();
        for (int i = 0; i < serials.size(); i += LOOKUP_CHUNK) {
            List<String> chunk = serials.subList(i, Math.min(i + LOOKUP_CHUNK, serials.size()));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = facilityId;
            for (int j = 0; j < chunk.size(); j++) {
                args[j + 1] = chunk.get(j);
            }
            jdbc.query("SELECT bank_serial_no FROM bank_statement_line WHERE facility_id = ? AND bank_serial_no IN ("
                    + placeholders(chunk.size(), "?") + ")",
                    rs -> { found.add(BankStatementParser.serialKey(rs.getString(1))); }, args);
        }
        return found;
    }

    /** One multi-row INSERT (a single statement and round trip) for a chunk of ≤ 500 lines. */
    private void insertLines(long facilityId, long importId, List<StatementLine> chunk) {
        Object[] args = new Object[chunk.size() * LINE_COLUMNS];
        int k = 0;
        for (StatementLine l : chunk) {
            args[k++] = facilityId;
            args[k++] = importId;
            args[k++] = l.lineNo();
            args[k++] = l.txnDate();
            args[k++] = l.valueDate();
            args[k++] = l.direction().name();
            args[k++] = l.amount();
            args[k++] = l.counterpartyName();
            args[k++] = l.counterpartyAccount();
            args[k++] = l.bankSerialNo();
            args[k++] = l.voucherNo();
            args[k++] = l.balanceAfter();
            args[k++] = l.memo();
        }
        jdbc.update("INSERT INTO bank_statement_line (facility_id, import_id, line_no, txn_date, value_date, direction,"
                + " amount, counterparty_name, counterparty_account, bank_serial_no, voucher_no, balance_after, memo)"
                + " VALUES " + placeholders(chunk.size(), "(" + placeholders(LINE_COLUMNS, "?") + ")"), args);
    }

    private static String placeholders(int n, String each) {
        return String.join(",", Collections.nCopies(n, each));
    }

    /** The last path segment, control characters dropped, at most 255 characters; "statement" when empty. */
    static String fileName(String fileName) {
        String s = fileName == null ? "" : fileName;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = s.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (s.isEmpty()) {
            return "statement";
        }
        return s.codePointCount(0, s.length()) <= FILE_NAME_MAX ? s
                : s.substring(0, s.offsetByCodePoints(0, FILE_NAME_MAX));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 专户 belongs to a city-level facility: district users only read its statement. */
    private static void requireCityScope() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            throw Refusal.forbidden("facility.cityOnly");
        }
    }
}
