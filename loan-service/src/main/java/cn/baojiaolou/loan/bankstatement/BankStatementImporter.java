package cn.baojiaolou.loan.bankstatement;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.court.CourtRegister;
import cn.baojiaolou.loan.domain.court.CourtMemo;
import cn.baojiaolou.loan.domain.statement.ProbableDuplicate;
import cn.baojiaolou.loan.domain.statement.StatementAccount;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a 专户 bank statement (CSV or TXT in UTF-8, GBK or GB18030; XLSX; XLS) in any layout it can read: the
 * system's own ten columns, a built-in bank layout, or a header mapping saved for the 专户. The whole file is read
 * and validated first, outside any transaction; a single bad line refuses the file ({@link
 * BankStatementInvalidException}, every bad line listed) and nothing is stored. A file whose title lines or columns
 * carry another account number or name than the 专户's is refused with both. A good file is stored in one
 * transaction under the facility's row lock: one import row, the lines whose bank serial number is new for this 专户
 * (inserted in multi-row chunks), the probable duplicates held for an accountant instead (same date, direction,
 * amount, counterparty account and voucher as a stored line under another serial: {@link ProbableDuplicate}), court
 * deductions opened for the flagged debits, and an audit row. Lines already imported are skipped and counted, so
 * importing the same file again changes no line. Free of HTTP types: the web API and the batch runner both call
 * {@link #importStatement}.
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
    private static final int LINE_COLUMNS = 15;

    private final BankStatementMapper mapper;
    private final FacilityMapper facilities;
    private final CourtRegister court;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public BankStatementImporter(BankStatementMapper mapper, FacilityMapper facilities, CourtRegister court,
                                 AuditTrail audit, BusinessClock clock, PlatformTransactionManager transactions,
                                 JdbcTemplate jdbc, ObjectMapper json) {
        this.mapper = mapper;
        this.facilities = facilities;
        this.court = court;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param account  the facility code, or its 专户 account number, whose statement this is
     * @param fileName the file's name as uploaded or found on disk (kept for the record)
     * @param content  the file's bytes
     * @throws Refusal 422 on "account" for an unknown 专户, on "file" for an empty or unreadable file, a bad or unknown
     *                 header, or a file of another account; {@link BankStatementInvalidException} for bad lines; 403
     *                 for a district user
     */
    @PreAuthorize(Authorities.ACCOUNTANT_OR_SYSTEM)
    public ImportResult importStatement(String account, String fileName, byte[] content) {
        requireCityScope();
        BankStatementMapper.Account facility = resolve(account);
        BankStatementParser.ParsedStatement parsed = BankStatementParser.parse(content, clock.today(),
                mappings(facility.id()));
        checkAccount(facility, parsed);
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

    /** The header mappings saved for the 专户, as the parser reads them. */
    List<BankStatementParser.Mapping> mappings(long facilityId) {
        List<BankStatementParser.Mapping> out = new ArrayList<>();
        for (BankStatementMapper.MappingRow m : mapper.mappings(facilityId)) {
            List<StatementField> fields = new ArrayList<>();
            for (String f : json.readValue(m.fields(), String[].class)) {
                StatementField field = StatementField.ofKey(f);
                fields.add(field == null ? StatementField.IGNORE : field);
            }
            out.add(new BankStatementParser.Mapping(m.id(), m.headerSignature(), fields));
        }
        return out;
    }

    /**
     * The file must be the chosen 专户's: every account number it carries (title lines, 本方账号 columns, the 专户's
     * side of a payer / payee export) must be its account number, every account name its name (the borrower's).
     */
    private static void checkAccount(BankStatementMapper.Account facility, BankStatementParser.ParsedStatement p) {
        for (BankStatementParser.Evidence number : p.accountNumbers()) {
            if (facility.accountNo() == null || facility.accountNo().isBlank()) {
                throw Refusal.ruleOnField("file", "bankStatement.noAccountOnFacility",
                        BankStatementParser.echo(number.value()), number.line(), facility.code());
            }
            if (!StatementAccount.sameNumber(number.value(), facility.accountNo())) {
                throw Refusal.ruleOnField("file", "bankStatement.wrongAccount",
                        BankStatementParser.echo(number.value()), number.line(), facility.code(),
                        facility.accountNo());
            }
        }
        for (BankStatementParser.Evidence name : p.accountNames()) {
            if (!StatementAccount.sameName(name.value(), facility.accountName())) {
                throw Refusal.ruleOnField("file", "bankStatement.wrongAccountName",
                        BankStatementParser.echo(name.value()), name.line(), facility.code(),
                        facility.accountName());
            }
        }
    }

    private ImportResult store(BankStatementMapper.Account facility, String fileName, String sha256,
                               BankStatementParser.ParsedStatement parsed) {
        // one import of a 专户 at a time: a concurrent import of the same file waits, then skips every line
        facilities.lock(facility.id());
        List<StatementLine> lines = parsed.lines();
        Set<String> existing = existingSerials(facility.id(), lines);
        List<StatementLine> fresh = lines.stream()
                .filter(l -> !existing.contains(BankStatementParser.serialKey(l.bankSerialNo()))).toList();
        Map<ProbableDuplicate, Long> stored = storedKeys(facility.id(), fresh);
        List<StatementLine> imported = new ArrayList<>();
        Map<StatementLine, Long> held = new LinkedHashMap<>();
        for (StatementLine l : fresh) {
            Long duplicateOf = stored.get(key(l));
            if (duplicateOf != null) {
                held.put(l, duplicateOf);
            } else {
                imported.add(l);
            }
        }
        int skipped = lines.size() - fresh.size();
        int courtLines = (int) imported.stream().filter(BankStatementImporter::courtFlag).count();
        GeneratedKey key = new GeneratedKey();
        mapper.insertImport(new BankStatementMapper.NewImport(facility.id(), fileName, sha256, parsed.encoding(),
                lines.size(), imported.size(), skipped, CurrentUser.username(), clock.nowUtc(),
                parsed.layout().code(), held.size(), courtLines), key);
        long importId = key.getId();
        for (int i = 0; i < imported.size(); i += INSERT_CHUNK) {
            insertLines(facility.id(), importId, imported.subList(i, Math.min(i + INSERT_CHUNK, imported.size())));
        }
        held.forEach((l, duplicateOf) -> mapper.insertHeld(new BankStatementMapper.HeldLine(0, facility.code(),
                importId, fileName, l.lineNo(), l.txnDate(), l.txnTime(), l.valueDate(), l.direction(), l.amount(),
                l.counterpartyName(), l.counterpartyAccount(), l.bankSerialNo(), l.voucherNo(), l.balanceAfter(),
                l.memo(), courtFlag(l), duplicateOf, null, "HELD", null, null, null, null, facility.id())));
        int deductions = courtLines == 0 ? 0 : court.registerFromStatement(facility.id(),
                mapper.courtDebits(importId));
        ImportResult result = new ImportResult(importId, facility.code(), fileName, parsed.encoding(), lines.size(),
                imported.size(), skipped, held.size(), courtLines, parsed.layout().code());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("importId", importId);
        after.put("fileName", fileName);
        after.put("fileSha256", sha256);
        after.put("encoding", parsed.encoding());
        after.put("layout", parsed.layout().code());
        after.put("linesTotal", lines.size());
        after.put("imported", imported.size());
        after.put("skipped", skipped);
        after.put("held", held.size());
        after.put("courtFlagged", courtLines);
        after.put("courtDeductionsOpened", deductions);
        audit.write(AUDIT_ACTION, "facility", facility.code(), null, after);
        return result;
    }

    /** The memo mentions a court action (冻结, 扣划, 司法, 法院, 执行): {@link CourtMemo}. */
    static boolean courtFlag(StatementLine l) {
        return CourtMemo.mentions(l.memo());
    }

    static ProbableDuplicate key(StatementLine l) {
        return ProbableDuplicate.of(l.txnDate(), l.direction().name(), l.amount(), l.counterpartyAccount(),
                l.voucherNo());
    }

    /** The stored lines of the facility within the new lines' dates, by their probable-duplicate key. */
    private Map<ProbableDuplicate, Long> storedKeys(long facilityId, List<StatementLine> fresh) {
        Map<ProbableDuplicate, Long> keys = new HashMap<>();
        if (fresh.isEmpty()) {
            return keys;
        }
        LocalDate from = fresh.stream().map(StatementLine::txnDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = fresh.stream().map(StatementLine::txnDate).max(LocalDate::compareTo).orElseThrow();
        for (BankStatementMapper.StoredKey k : mapper.storedKeys(facilityId, from, to)) {
            keys.putIfAbsent(ProbableDuplicate.of(k.txnDate(), k.direction(), k.amount(), k.counterpartyAccount(),
                    k.voucherNo()), k.id());
        }
        return keys;
    }

    /** The serial keys among the file's that this facility already has, as lines or held lines: ≤ 1000 a query. */
    private Set<String> existingSerials(long facilityId, List<StatementLine> lines) {
        List<String> serials = lines.stream().map(StatementLine::bankSerialNo).toList();
        Set<String> found = new HashSet<>();
        for (int i = 0; i < serials.size(); i += LOOKUP_CHUNK) {
            List<String> chunk = serials.subList(i, Math.min(i + LOOKUP_CHUNK, serials.size()));
            for (String s : mapper.knownSerials(facilityId, chunk)) {
                found.add(BankStatementParser.serialKey(s));
            }
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
            args[k++] = l.txnTime();
            args[k++] = l.valueDate();
            args[k++] = l.direction().name();
            args[k++] = l.amount();
            args[k++] = l.counterpartyName();
            args[k++] = l.counterpartyAccount();
            args[k++] = l.bankSerialNo();
            args[k++] = l.voucherNo();
            args[k++] = l.balanceAfter();
            args[k++] = l.memo();
            args[k++] = courtFlag(l) ? 1 : 0;
        }
        jdbc.update("INSERT INTO bank_statement_line (facility_id, import_id, line_no, txn_date, txn_time, value_date,"
                + " direction, amount, counterparty_name, counterparty_account, bank_serial_no, voucher_no,"
                + " balance_after, memo, court_flag) VALUES "
                + placeholders(chunk.size(), "(" + placeholders(LINE_COLUMNS, "?") + ")"), args);
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
    static void requireCityScope() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            throw Refusal.forbidden("facility.cityOnly");
        }
    }
}
