package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Header mappings of export layouts the importer does not know (issue 12): the accountant maps the header of one file
 * once — each header cell to a field — and the mapping is saved for the 专户; the next file of that 专户 whose header
 * has the same signature is read with it. Saving a mapping for a header that has one replaces it. Also lists the
 * built-in bank layouts and previews a file for the mapping page.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class StatementMappings {

    static final int HEADER_CELL_MAX = 100;
    static final int HEADER_CELLS_MAX = 60;

    private final BankStatementMapper mapper;
    private final BankStatementImporter importer;
    private final FacilityMapper facilities;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final ObjectMapper json;

    public StatementMappings(BankStatementMapper mapper, BankStatementImporter importer, FacilityMapper facilities,
                             AuditTrail audit, BusinessClock clock, ObjectMapper json) {
        this.mapper = mapper;
        this.importer = importer;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** A saved mapping as the API shows it. */
    public record MappingView(long id, String account, List<String> headers, List<String> fields, String createdBy,
                              LocalDateTime createdAt) {
    }

    /** A built-in layout as the API and the README list it. */
    public record LayoutView(String code, String bank, String export, List<String> headers) {
    }

    /** The file's first rows, the header found or guessed and how it would be read, for the mapping page. */
    public record PreviewView(String account, String encoding, List<List<String>> rows, List<Integer> rowNumbers,
                              int headerIndex, List<String> headers, String layout, List<String> fields) {
    }

    public List<LayoutView> layouts() {
        return BankLayouts.ALL.stream().map(l -> new LayoutView(l.code(), l.bank(), l.export(), l.headers()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Authorities.ACCOUNTANT)
    public PreviewView preview(String account, byte[] content) {
        BankStatementMapper.Account f = importer.resolve(account);
        BankStatementParser.Preview p = BankStatementParser.preview(content, importer.mappings(f.id()));
        return new PreviewView(f.code(), p.encoding(), p.rows(), p.rowNumbers(), p.headerIndex(), p.header(),
                p.layout() == null ? null : p.layout().code(), p.guess().stream().map(StatementField::key).toList());
    }

    @Transactional(readOnly = true)
    public List<MappingView> mappings(String account) {
        BankStatementMapper.Account f = importer.resolve(account);
        return mapper.mappings(f.id()).stream().map(m -> view(f.code(), m)).toList();
    }

    /**
     * Saves the mapping of {@code headers} (the header cells as the file has them) to {@code fields} (a field key
     * for each, {@code ignore} for a column not needed). Refused unless the fields can be read: a date, an amount
     * (one column with a direction or signed, or debit and credit columns), the balance, each field once.
     */
    @Transactional
    @PreAuthorize(Authorities.ACCOUNTANT)
    public MappingView save(String account, List<String> headers, List<String> fields) {
        BankStatementImporter.requireCityScope();
        BankStatementMapper.Account f = importer.resolve(account);
        if (headers == null || headers.isEmpty() || headers.stream().allMatch(h -> h == null || h.isBlank())) {
            throw Refusal.ruleOnField("headers", "bankStatement.mapping.noHeaders");
        }
        if (headers.size() > HEADER_CELLS_MAX || headers.stream().anyMatch(h -> h != null
                && (h.length() > HEADER_CELL_MAX || h.chars().anyMatch(Character::isISOControl)))) {
            throw Refusal.ruleOnField("headers", "bankStatement.mapping.badHeaders", HEADER_CELLS_MAX,
                    HEADER_CELL_MAX);
        }
        if (fields == null || fields.size() != headers.size()) {
            throw Refusal.ruleOnField("fields", "bankStatement.mapping.fieldCount", headers.size(),
                    fields == null ? 0 : fields.size());
        }
        List<StatementField> parsed = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            StatementField field = StatementField.ofKey(fields.get(i));
            if (field == null) {
                throw Refusal.ruleOnField("fields", "bankStatement.mapping.unknownField", i + 1,
                        BankStatementParser.echo(String.valueOf(fields.get(i))));
            }
            String cell = headers.get(i) == null ? "" : headers.get(i).strip();
            parsed.add(cell.isEmpty() ? StatementField.IGNORE : field);
            cells.add(cell);
        }
        List<String> problems = StatementLayout.problems(parsed);
        if (!problems.isEmpty()) {
            throw Refusal.ruleOnField("fields", problems.get(0));
        }
        facilities.lock(f.id());
        String signature = BankStatementParser.signature(cells);
        BankStatementMapper.MappingRow before = mapper.mappings(f.id()).stream()
                .filter(m -> m.headerSignature().equals(signature)).findFirst().orElse(null);
        if (before != null) {
            mapper.deleteMapping(before.id());
        }
        GeneratedKey key = new GeneratedKey();
        mapper.insertMapping(new BankStatementMapper.MappingRow(0, f.id(), signature, json.writeValueAsString(cells),
                json.writeValueAsString(parsed.stream().map(StatementField::key).toList()), CurrentUser.username(),
                clock.nowUtc()), key);
        BankStatementMapper.MappingRow saved = mapper.mappings(f.id()).stream().filter(m -> m.id() == key.getId())
                .findFirst().orElseThrow();
        MappingView view = view(f.code(), saved);
        audit.write("BANK_STATEMENT_MAPPING_SAVED", "facility", f.code(), before == null ? null : view(f.code(),
                before), view);
        return view;
    }

    private MappingView view(String account, BankStatementMapper.MappingRow m) {
        return new MappingView(m.id(), account, List.of(json.readValue(m.headerCells(), String[].class)),
                List.of(json.readValue(m.fields(), String[].class)), m.createdBy(), m.createdAt());
    }
}
