package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.GeneratedKey;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.milestone.MilestoneMapper;
import cn.baojiaolou.loan.onboarding.LedgerTemplate.SheetDef;
import cn.baojiaolou.loan.onboarding.LedgerWorkbook.Line;
import cn.baojiaolou.loan.onboarding.LedgerWorkbook.Problem;
import cn.baojiaolou.loan.project.ProjectMapper;
import cn.baojiaolou.loan.project.ProjectLifeCycleService;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.repayment.ProjectRepaymentService;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.ImportedAction;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.UserMapper;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 台账 onboarding (issue 12): a bureau's existing workbook ({@link LedgerTemplate}) brought in through the same
 * services as the API, row by row, in business-date order (set-up rows first: 借款批次, 项目, 收款人, 工程节点; then
 * every dated row by its date: 提款, 额度分配, 节点核验, 拨付 and its 冲正, 项目还款, 统还). {@link #check} is the dry run:
 * all of it runs in one transaction that is rolled back, each row in a savepoint of its own, so a row that breaks a rule
 * leaves nothing behind and the next rows are checked against the rows before them, as they would be. Every row that
 * breaks a rule is kept with its sheet, row and the service's own refusal. {@link #confirm} runs the checked workbook
 * again in one transaction and commits only if no row breaks a rule: all or nothing. Each created record is tied to its
 * sheet and row ({@code onboarding_record}); the import is audited, and every audit row of an imported step says
 * which import and row it came from and who imported it ({@link ImportedAction}).
 *
 * <p>Who made and who approved: the workbook's 经办人 is the maker of a disbursement when it names a real accountant
 * (by username or 姓名) who can see the project; otherwise the importing user is. Its 复核人 (of a disbursement or a
 * milestone verification) is the checker when it names a real reviewer, other than the maker, who can see the project;
 * otherwise the decision is recorded under the marker {@code 导入:<importing user>}, which is not a person. Maker ≠
 * checker therefore holds by the same rule as the API, and no decision is ascribed to someone the system does not know.
 *
 * <p>The whole run holds its row locks (and the audit trail's head) until it ends: other writers wait for a dry run of a
 * large workbook. Onboarding is done once, at set-up.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class OnboardingService {

    public static final String CHECKED = "CHECKED";
    public static final String FAILED = "FAILED";
    public static final String IMPORTED = "IMPORTED";
    static final int FILE_NAME_MAX = 255;

    private final OnboardingMapper mapper;
    private final FacilityService facilities;
    private final ProjectService projects;
    private final ProjectLifeCycleService lifeCycle;
    private final DisbursementService disbursements;
    private final ProjectRepaymentService repayments;
    private final ProjectMapper projectMapper;
    private final MilestoneMapper milestones;
    private final UserMapper users;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate separate;
    private final SqlSessionTemplate sessions;

    public OnboardingService(OnboardingMapper mapper, FacilityService facilities, ProjectService projects,
                             DisbursementService disbursements, ProjectRepaymentService repayments,
                             ProjectMapper projectMapper, MilestoneMapper milestones, UserMapper users,
                             AuditTrail audit, BusinessClock clock, ObjectMapper json,
                             PlatformTransactionManager transactions, SqlSessionTemplate sessions,
                             ProjectLifeCycleService lifeCycle) {
        this.lifeCycle = lifeCycle;
        this.mapper = mapper;
        this.facilities = facilities;
        this.projects = projects;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.projectMapper = projectMapper;
        this.milestones = milestones;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.outer = new TransactionTemplate(transactions);
        // its own transaction, not the request's (the Idempotency-Key's): a refusal is then recorded in `separate` after
        // this one ended and let go of the import's row, instead of waiting on a lock its own request holds
        this.outer.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sessions = sessions;
    }

    /** A row that breaks a rule: the sheet, the row (as Excel numbers it), the message key and its arguments. */
    public record RowProblem(String sheet, int row, String key, List<String> args) {
    }

    /** An import as the API and the page show it. */
    public record Result(long id, String fileName, String fileSha256, String status, int rowsTotal, int problemsCount,
                         List<RowProblem> problems, Map<String, Integer> rows, Map<String, Integer> created,
                         String checkedBy, LocalDateTime checkedAt, String importedBy, LocalDateTime importedAt) {
    }

    /**
     * The dry run: reads the workbook, runs every row through the services and rolls it all back. Answers the
     * problems; a workbook without any may be confirmed ({@link #confirm}).
     */
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Result check(String fileName, byte[] content) {
        LoanUser importer = requireCityScope();
        LedgerWorkbook.Parsed parsed = LedgerWorkbook.read(content);
        GeneratedKey key = new GeneratedKey();
        separate.executeWithoutResult(s -> mapper.insertImport(fileName(fileName), sha256(content), content,
                importer.username(), clock.nowUtc(), key));
        long id = key.getId();
        Outcome outcome = run(id, parsed, importer, false);
        separate.executeWithoutResult(s -> {
            record(id, parsed, outcome, importer);
            audit.write("ONBOARDING_CHECKED", "onboarding", id, null, summary(id, parsed, outcome));
        });
        return get(id);
    }

    /**
     * Imports a checked workbook: every row again, in one transaction, committed only when no row breaks a rule (the
     * data may have changed since the check). A refused confirmation stores nothing but the new problems.
     */
    @PreAuthorize(Authorities.ACCOUNTANT)
    public Result confirm(long id) {
        LoanUser importer = requireCityScope();
        OnboardingMapper.ImportRow row = require(id);
        if (IMPORTED.equals(row.status())) {
            throw Refusal.conflict("onboarding.alreadyImported", id, row.importedBy());
        }
        if (!CHECKED.equals(row.status())) {
            throw Refusal.rule("onboarding.notChecked", id, row.problemsCount());
        }
        LedgerWorkbook.Parsed parsed = LedgerWorkbook.read(mapper.content(id).content());
        Outcome outcome = run(id, parsed, importer, true);
        if (!outcome.problems().isEmpty()) {
            separate.executeWithoutResult(s -> {
                record(id, parsed, outcome, importer);
                audit.write("ONBOARDING_REFUSED", "onboarding", id, null, summary(id, parsed, outcome));
            });
            Result result = get(id);
            throw new OnboardingRefusedException(result);
        }
        return get(id);
    }

    public Result get(long id) {
        OnboardingMapper.ImportRow r = require(id);
        Map<String, Integer> created = new LinkedHashMap<>();
        for (OnboardingMapper.SheetCount c : mapper.recordCounts(id)) {
            created.put(c.sheet(), c.records());
        }
        return new Result(r.id(), r.fileName(), r.fileSha256(), r.status(), r.rowsTotal(), r.problemsCount(),
                r.problems() == null ? List.of() : json.readValue(r.problems(), new TypeReference<List<RowProblem>>() {
                }), r.counts() == null ? Map.of() : json.readValue(r.counts(),
                new TypeReference<LinkedHashMap<String, Integer>>() {
                }), created, r.checkedBy(), r.checkedAt(), r.importedBy(), r.importedAt());
    }

    @PreAuthorize(Authorities.ACCOUNTANT)
    public List<OnboardingMapper.ImportRow> recent() {
        return mapper.recent(50);
    }

    // ------------------------------------------------------------------------------------------------ the run

    /** What a run found: every problem (reading and rules) in sheet and row order, and the rows per sheet done. */
    record Outcome(List<RowProblem> problems, Map<String, Integer> done) {
    }

    /** One service call (or a few, for a disbursement) for a row, at its business date. */
    private record Step(LocalDate date, int phase, int sheetOrder, int row, Line line, Runnable action) {
    }

    private static final LocalDate SET_UP = LocalDate.MIN;

    private Outcome run(long importId, LedgerWorkbook.Parsed parsed, LoanUser importer, boolean commit) {
        List<RowProblem> problems = new ArrayList<>();
        for (Problem p : parsed.problems()) {
            problems.add(new RowProblem(p.sheet(), p.row(), p.key(), p.args()));
        }
        Map<String, Integer> done = new LinkedHashMap<>();
        outer.executeWithoutResult(status -> {
            if (commit) {
                mapper.lock(importId);
            }
            Run run = new Run(importId, importer, problems, done);
            List<Step> steps = run.plan(parsed);
            for (Step step : steps) {
                run.execute(step);
            }
            if (!commit || !problems.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            mapper.imported(importId, importer.username(), clock.nowUtc());
            audit.write("ONBOARDING_IMPORTED", "onboarding", importId, null, Map.of("rows", done,
                    "rowsTotal", parsed.total()));
        });
        problems.sort(Comparator.comparingInt((RowProblem p) -> sheetOrder(p.sheet())).thenComparingInt(RowProblem::row));
        return new Outcome(List.copyOf(problems), done);
    }

    /** The state of one run: the import, its principals, the rows done and the ids rows created. */
    private final class Run {

        private final long importId;
        private final LoanUser importer;
        private final LoanUser marker;
        private final List<RowProblem> problems;
        private final Map<String, Integer> done;
        private final Map<Integer, Long> disbursementByRow = new HashMap<>();

        Run(long importId, LoanUser importer, List<RowProblem> problems, Map<String, Integer> done) {
            this.importId = importId;
            this.importer = importer;
            this.marker = new LoanUser(ImportedAction.marker(importer.username()), "",
                    "台账导入（" + importer.displayName() + "）", Role.REVIEWER, null, true);
            this.problems = problems;
            this.done = done;
        }

        void execute(Step step) {
            try {
                savepoint.executeWithoutResult(s -> step.action().run());
                if (step.phase() != PHASE_REVERSAL && step.phase() != PHASE_CLOSE_OUT) {
                    done.merge(step.line().sheet().name(), 1, Integer::sum);
                }
                return;
            } catch (Refusal r) {
                problems.add(new RowProblem(step.line().sheet().name(), step.row(), r.messageKey(), texts(r.args())));
            } catch (AccessDeniedException | AuthenticationException e) {
                problems.add(new RowProblem(step.line().sheet().name(), step.row(), "onboarding.denied", List.of()));
            } catch (RuntimeException e) {
                problems.add(new RowProblem(step.line().sheet().name(), step.row(), "onboarding.unexpected",
                        List.of(e.getClass().getSimpleName())));
            }
            // rolled back to the savepoint behind MyBatis's back: what it cached since may be gone
            sessions.clearCache();
        }

        <T> T as(LoanUser user, Line line, Supplier<T> work) {
            return new ImportedAction(importer.username(), importId, line.sheet().name(), line.row()).run(user, work);
        }

        void created(Line line, String type, long id) {
            mapper.insertRecord(importId, line.sheet().name(), line.row(), type, id);
        }

        List<Step> plan(LedgerWorkbook.Parsed parsed) {
            List<Step> steps = new ArrayList<>();
            for (Map.Entry<SheetDef, List<Line>> e : parsed.lines().entrySet()) {
                SheetDef sheet = e.getKey();
                int order = sheetOrder(sheet.name());
                for (Line line : e.getValue()) {
                    Step s = step(sheet, order, line);
                    if (s != null) {
                        steps.add(s);
                    }
                    if (sheet == LedgerTemplate.PROJECTS && "CLOSED".equals(LedgerTemplate.code(
                            LedgerTemplate.PROJECT_STATUS, line.text("status")))) {
                        // a project closed out (销号) takes no payment: it is registered as delivered, its history
                        // replayed, and closed out after everything else
                        steps.add(new Step(LocalDate.MAX, PHASE_CLOSE_OUT, order, line.row(), line,
                                () -> closeOut(line)));
                    }
                    if (sheet == LedgerTemplate.DISBURSEMENTS && "REVERSED".equals(disbursementStatus(line))
                            && line.has("reversedOn")) {
                        steps.add(new Step(line.date("reversedOn"), PHASE_REVERSAL, order, line.row(), line,
                                () -> reverse(line)));
                    }
                }
            }
            steps.sort(Comparator.comparing(Step::date).thenComparingInt(Step::phase)
                    .thenComparingInt(Step::sheetOrder).thenComparing(s -> s.line().sheet() == LedgerTemplate.MILESTONES
                            ? s.line().text("project") + "#" + String.format("%06d", s.line().integer("seq")) : "")
                    .thenComparingInt(Step::row));
            return steps;
        }

        private Step step(SheetDef sheet, int order, Line l) {
            if (sheet == LedgerTemplate.FACILITIES) {
                return new Step(SET_UP, 0, order, l.row(), l, () -> facility(l));
            }
            if (sheet == LedgerTemplate.PROJECTS) {
                return new Step(SET_UP, 1, order, l.row(), l, () -> project(l));
            }
            if (sheet == LedgerTemplate.PAYEES) {
                return new Step(SET_UP, 2, order, l.row(), l, () -> payee(l));
            }
            if (sheet == LedgerTemplate.MILESTONES) {
                return new Step(SET_UP, 3, order, l.row(), l, () -> milestone(l));
            }
            if (sheet == LedgerTemplate.DRAWDOWNS) {
                return new Step(l.date("valueDate"), PHASE_DRAWDOWN, order, l.row(), l, () -> drawdown(l));
            }
            if (sheet == LedgerTemplate.ALLOCATIONS) {
                return new Step(l.date("approvedOn"), PHASE_ALLOCATION, order, l.row(), l, () -> allocation(l));
            }
            if (sheet == LedgerTemplate.VERIFICATIONS) {
                LocalDate on = l.has("recordedOn") && l.date("recordedOn").isBefore(l.date("verifiedOn"))
                        ? l.date("recordedOn") : l.date("verifiedOn");
                return new Step(on, PHASE_VERIFICATION, order, l.row(), l, () -> verification(l));
            }
            if (sheet == LedgerTemplate.DISBURSEMENTS) {
                String status = disbursementStatus(l);
                LocalDate on = "PAID".equals(status) || "REVERSED".equals(status) ? l.date("paidOn")
                        : l.date("requestedOn");
                if (status == null || on == null) {
                    problems.add(new RowProblem(sheet.name(), l.row(), status == null ? "onboarding.badStatus"
                            : "onboarding.noDisbursementDate", status == null ? List.of(String.valueOf(
                            l.text("status")), LedgerTemplate.words(LedgerTemplate.DISBURSEMENT_STATUS))
                            : List.of(LedgerTemplate.word(LedgerTemplate.DISBURSEMENT_STATUS, status))));
                    return null;
                }
                return new Step(on, PHASE_DISBURSEMENT, order, l.row(), l, () -> disbursement(l, status));
            }
            if (sheet == LedgerTemplate.REPAYMENTS) {
                return new Step(l.date("valueDate"), PHASE_REPAYMENT, order, l.row(), l, () -> repayment(l));
            }
            if (sheet == LedgerTemplate.CENTRAL_REPAYMENTS) {
                return new Step(l.date("valueDate"), PHASE_CENTRAL, order, l.row(), l, () -> central(l));
            }
            return null;
        }

        // ---------------------------------------------------------------------------------------------- rows

        private void facility(Line l) {
            String code = l.text("code");
            if (code.contains("/")) {
                throw Refusal.invalid("code", "onboarding.badCode", header(l, "code"), code);
            }
            positive(l, "amount");
            BigDecimal rate = l.amount("rate");
            if (rate.signum() <= 0 || rate.compareTo(new BigDecimal("0.24")) > 0) {
                throw Refusal.invalid("rate", "onboarding.rateRange", header(l, "rate"), rate.toPlainString());
            }
            BigDecimal markup = l.has("penaltyMarkup") ? l.amount("penaltyMarkup") : null;
            if (markup != null && markup.compareTo(BigDecimal.valueOf(5)) > 0) {
                throw Refusal.invalid("penaltyMarkup", "onboarding.markupRange", markup.toPlainString());
            }
            FacilityService.FacilityView v = as(importer, l, () -> facilities.create(new FacilityService.NewFacility(
                    code, l.text("name"), l.text("lender"), l.text("borrower"), l.text("accountNo"), l.amount("amount"),
                    rate, l.date("startDate"), l.date("maturityDate"), markup)));
            created(l, "facility", v.facility().id());
        }

        private void drawdown(Line l) {
            positive(l, "amount");
            var e = as(importer, l, () -> facilities.drawdown(l.text("facility"), l.amount("amount"),
                    l.date("valueDate"), l.text("voucherNo")));
            created(l, "ledger_entry", e.id());
        }

        private void central(Line l) {
            BigDecimal principal = l.has("principal") && l.amount("principal").signum() > 0 ? l.amount("principal")
                    : null;
            BigDecimal interest = l.has("interest") && l.amount("interest").signum() > 0 ? l.amount("interest") : null;
            var e = as(importer, l, () -> facilities.centralRepayment(l.text("facility"), principal, interest,
                    l.date("valueDate"), l.text("voucherNo")));
            created(l, "ledger_entry", e.id());
        }

        private void project(Line l) {
            String code = l.text("code");
            if (code.contains("/")) {
                throw Refusal.invalid("code", "onboarding.badCode", header(l, "code"), code);
            }
            ProjectStatus status = ProjectStatus.STOPPED;
            if (l.has("status")) {
                String s = LedgerTemplate.code(LedgerTemplate.PROJECT_STATUS, l.text("status"));
                if (s == null) {
                    throw Refusal.invalid("status", "onboarding.badStatus", l.text("status"),
                            LedgerTemplate.words(LedgerTemplate.PROJECT_STATUS));
                }
                status = ProjectStatus.valueOf(s);
            }
            int units = l.integer("totalUnits");
            if (units < 1 || units > 100_000) {
                throw Refusal.invalid("totalUnits", "onboarding.unitsRange", units);
            }
            ProjectStatus st = status == ProjectStatus.CLOSED ? ProjectStatus.DELIVERED : status;
            ProjectService.ProjectView v = as(importer, l, () -> projects.create(new ProjectService.NewProject(code,
                    l.text("name"), l.text("district"), l.text("developer"), l.text("developerAccountNo"),
                    l.text("contractor"), units, l.amount("fundingGap"), l.date("expectedDelivery"), st,
                    l.text("planText"), l.text("official"), l.text("taskForce"))));
            created(l, "project", v.project().id());
        }

        private void closeOut(Line l) {
            as(importer, l, () -> lifeCycle.recordImported(l.text("code"), ProjectStatus.CLOSED,
                    "存量台账导入：原台账状态为销号"));
        }

        private void payee(Line l) {
            String kind = LedgerTemplate.code(LedgerTemplate.PAYEE_KIND, l.text("kind"));
            if (kind == null) {
                throw Refusal.invalid("kind", "onboarding.badKind", l.text("kind"),
                        LedgerTemplate.words(LedgerTemplate.PAYEE_KIND));
            }
            Payee p = as(importer, l, () -> projects.addPayee(l.text("project"), l.text("name"), l.text("accountNo"),
                    l.text("bankName"), PayeeKind.valueOf(kind)));
            created(l, "payee", p.id());
        }

        private void allocation(Line l) {
            positive(l, "amount");
            var a = as(importer, l, () -> projects.allocate(l.text("project"), l.text("facility"), l.amount("amount"),
                    l.text("approvalRef"), l.date("approvedOn")));
            created(l, "allocation", a.id());
        }

        private void milestone(Line l) {
            Milestone m = as(importer, l, () -> projects.addMilestone(l.text("project"), l.text("name"),
                    l.date("plannedDate"), l.amount("capPercent")));
            if (m.seq() != l.integer("seq")) {
                throw Refusal.invalid("seq", "onboarding.milestoneSeq", l.integer("seq"), m.seq());
            }
            created(l, "milestone", m.id());
        }

        private void verification(Line l) {
            Project p = project(l.text("project"));
            Milestone m = milestone(p, l.text("project"), l.integer("seq"));
            LoanUser checker = checker(l.text("reviewer"), p, null);
            Milestone v = as(checker, l, () -> projects.verify(p.code(), m.id(), l.date("verifiedOn"),
                    l.text("inspector"), l.text("evidenceRef"), l.integer("unitsDelivered")));
            created(l, "milestone_verification", v.id());
        }

        private void disbursement(Line l, String status) {
            positive(l, "amount");
            Project p = project(l.text("project"));
            Milestone m = milestone(p, l.text("project"), l.integer("seq"));
            Payee payee = projectMapper.payees(p.id()).stream()
                    .filter(y -> y.accountNo().equals(l.text("payeeAccount"))).findFirst()
                    .orElseThrow(() -> Refusal.ruleOnField("payeeAccount", "onboarding.payeeUnknown",
                            l.text("project"), l.text("payeeAccount")));
            LoanUser maker = maker(l.text("maker"), p);
            LoanUser checker = checker(l.text("checker"), p, maker.username());
            String note = "台账导入 #" + importId + "（拨付 第 " + l.row() + " 行）";
            Disbursement d = as(maker, l, () -> disbursements.request(p.code(), payee.id(), m.id(), l.text("purpose"),
                    l.amount("amount"), l.text("facility")));
            switch (status) {
                case "REQUESTED" -> {
                }
                case "REJECTED" -> as(checker, l, () -> disbursements.reject(d.id(), l.has("rejectReason")
                        ? l.text("rejectReason") : note));
                default -> {
                    as(checker, l, () -> disbursements.approve(d.id(), note));
                    if ("PAID".equals(status) || "REVERSED".equals(status)) {
                        if (!l.has("voucherNo")) {
                            throw Refusal.invalid("voucherNo", "onboarding.required", header(l, "voucherNo"));
                        }
                        as(maker, l, () -> disbursements.pay(d.id(), l.date("paidOn"), l.text("voucherNo")));
                    }
                }
            }
            disbursementByRow.put(l.row(), d.id());
            created(l, "disbursement", d.id());
        }

        private void reverse(Line l) {
            Long id = disbursementByRow.get(l.row());
            if (id == null) {
                return; // the payment itself was refused: that row's problem says why
            }
            if (!l.has("reversalReason")) {
                throw Refusal.invalid("reversalReason", "onboarding.required", header(l, "reversalReason"));
            }
            Project p = project(l.text("project"));
            as(maker(l.text("maker"), p), l, () -> disbursements.reverse(id, l.text("reversalReason"),
                    l.date("reversedOn")));
        }

        private void repayment(Line l) {
            positive(l, "amount");
            ProjectRepaymentService.Repayment r = as(importer, l, () -> repayments.repay(l.text("project"),
                    l.amount("amount"), l.date("valueDate"), l.text("voucherNo")));
            created(l, "project_repayment", r.id());
        }

        // ---------------------------------------------------------------------------------------------- lookups

        private Project project(String code) {
            Project p = projectMapper.findByCode(code);
            if (p == null || !importer.canSee(p.districtId())) {
                throw Refusal.notFound("project.notFound", code);
            }
            return p;
        }

        private Milestone milestone(Project p, String code, Integer seq) {
            return milestones.ofProject(p.id()).stream().filter(x -> x.seq() == seq).findFirst()
                    .orElseThrow(() -> Refusal.ruleOnField("seq", "onboarding.milestoneUnknown", code, seq));
        }

        /** The workbook's 经办人 when a real accountant who can see the project, else the importing user. */
        private LoanUser maker(String name, Project p) {
            LoanUser u = realUser(name, Role.ACCOUNTANT, p);
            return u != null ? u : importer;
        }

        /** The workbook's 复核人 when a real reviewer (not the maker) who can see the project, else the marker. */
        private LoanUser checker(String name, Project p, String maker) {
            LoanUser u = realUser(name, Role.REVIEWER, p);
            return u != null && !u.username().equals(maker) ? u : marker;
        }

        private LoanUser realUser(String name, Role role, Project p) {
            if (name == null || name.isBlank()) {
                return null;
            }
            List<LoanUser> found = new ArrayList<>();
            LoanUser byName = users.findByUsername(name.strip());
            if (byName != null) {
                found.add(byName);
            } else {
                found.addAll(users.findByDisplayName(name.strip()));
            }
            if (found.size() != 1) {
                return null;
            }
            LoanUser u = found.get(0);
            return u.enabled() && u.role() == role && u.canSee(p.districtId()) ? u : null;
        }
    }

    private static final int PHASE_DRAWDOWN = 10;
    private static final int PHASE_ALLOCATION = 20;
    private static final int PHASE_VERIFICATION = 30;
    private static final int PHASE_DISBURSEMENT = 40;
    private static final int PHASE_REVERSAL = 45;
    private static final int PHASE_REPAYMENT = 50;
    private static final int PHASE_CENTRAL = 60;
    private static final int PHASE_CLOSE_OUT = 90;

    /** A disbursement row's status: its 状态, else 已付款 when it has a 付款日期, else 待复核; null when unknown. */
    static String disbursementStatus(Line l) {
        if (l.has("status")) {
            return LedgerTemplate.code(LedgerTemplate.DISBURSEMENT_STATUS, l.text("status"));
        }
        return l.has("paidOn") ? "PAID" : "REQUESTED";
    }

    private static void positive(Line l, String key) {
        if (l.amount(key).signum() <= 0) {
            throw Refusal.invalid(key, "onboarding.notPositive", header(l, key));
        }
    }

    private static String header(Line l, String key) {
        return l.sheet().column(key).map(LedgerTemplate.Col::header).orElse(key);
    }

    static int sheetOrder(String sheet) {
        for (int i = 0; i < LedgerTemplate.SHEETS.size(); i++) {
            if (LedgerTemplate.SHEETS.get(i).name().equals(sheet)) {
                return i;
            }
        }
        return LedgerTemplate.SHEETS.size();
    }

    /** Refusal arguments as the texts they read as: amounts with thousands separators and two decimals. */
    static List<String> texts(Object[] args) {
        List<String> out = new ArrayList<>();
        if (args != null) {
            for (Object a : args) {
                out.add(a instanceof BigDecimal b ? new java.text.DecimalFormat("#,##0.00").format(b)
                        : String.valueOf(a));
            }
        }
        return out;
    }

    private void record(long id, LedgerWorkbook.Parsed parsed, Outcome outcome, LoanUser importer) {
        mapper.checked(id, outcome.problems().isEmpty() ? CHECKED : FAILED, parsed.total(),
                outcome.problems().size(), json.writeValueAsString(outcome.problems()),
                json.writeValueAsString(parsed.rows()), importer.username(), clock.nowUtc());
    }

    private static Map<String, Object> summary(long id, LedgerWorkbook.Parsed parsed, Outcome outcome) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("importId", id);
        s.put("rowsTotal", parsed.total());
        s.put("rows", parsed.rows());
        s.put("rowsPassing", outcome.done());
        s.put("problems", outcome.problems().size());
        return s;
    }

    private OnboardingMapper.ImportRow require(long id) {
        OnboardingMapper.ImportRow r = mapper.find(id);
        if (r == null) {
            throw Refusal.notFound("onboarding.notFound", id);
        }
        return r;
    }

    private static LoanUser requireCityScope() {
        LoanUser user = CurrentUser.require();
        if (!user.isCityScope()) {
            throw Refusal.forbidden("facility.cityOnly");
        }
        return user;
    }

    static String fileName(String name) {
        String s = name == null ? "" : name;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1).strip();
        if (s.isEmpty()) {
            return "台账.xlsx";
        }
        return s.length() <= FILE_NAME_MAX ? s : s.substring(0, FILE_NAME_MAX);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
