package cn.baojiaolou.perf;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.InterestTerms;
import cn.baojiaolou.loan.domain.interest.DueAmounts;
import cn.baojiaolou.loan.domain.interest.PositionEvent;
import cn.baojiaolou.loan.domain.repayment.RepaymentWaterfall;
import cn.baojiaolou.loan.domain.interest.PositionState;
import org.springframework.stereotype.Component;

import org.springframework.core.env.Environment;

import java.sql.DriverManager;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills the database with a national-scale ledger for the nightly-close benchmark. At scale 1.0: 10,000 projects in
 * ~100 districts under ~20 facilities (one allocation each), 100 milestones a project (those planned in the past
 * verified), 1,000 ledger rows a project (700 PAYMENT with their disbursement, 250 PROJECT_REPAYMENT with their
 * project_repayment header, 50 DRAWDOWN of the project's facility) and 1,000 专户 statement lines a project (one
 * import header each): most lines mirror a ledger row by voucher number, 2 in 100 only by amount, date (+1 day) and
 * counterparty (fuzzy), and 1 in 1,000 is a debit no ledger row explains (its payment has no line).
 * <p>Value dates run from a project start in 2023 to {@code through} (default the day before yesterday, Asia/Shanghai), in ledger-id order per
 * project. The split of each repayment into penalty, interest and principal is computed with the same
 * {@link AccumulatedBalanceInterest} the close uses, day by day, so the close finds what is due really paid.
 * <p>Everything goes in with LOAD DATA LOCAL INFILE streamed from memory (no files), with explicit ids (so children need no
 * key lookups), foreign-key and unique checks off for the session, a commit every few projects. Every code starts
 * with {@code GEN-} and a run tag; the tools run only on a database holding nothing else ({@link GeneratedDataOnly}).
 */
@Component
public class NationalScaleGenerator {

    public static final int MILESTONES_PER_PROJECT = 100;
    public static final int LEDGER_ROWS_PER_PROJECT = 1000;
    public static final int PAYEES_PER_PROJECT = 3;
    static final LocalDate FIRST_START = LocalDate.of(2023, 1, 1);
    static final String BY = "generator";
    private static final BigDecimal RATE = new BigDecimal("0.028000");
    private static final BigDecimal MARKUP = new BigDecimal("0.500000");
    private static final LocalDate MATURITY = LocalDate.of(2031, 12, 31);
    private static final BigDecimal ALLOCATION = new BigDecimal("100000000.00");
    static final BigDecimal DRAWDOWN = new BigDecimal("1500000.00");
    private static final int COMMIT_EVERY_PROJECTS = 50;

    private final Environment env;
    private final BusinessClock clock;
    private PrintStream out = System.out;

    public NationalScaleGenerator(Environment env, BusinessClock clock) {
        this.env = env;
        this.clock = clock;
    }

    void setOut(PrintStream out) {
        this.out = out;
    }

    /** What one run wrote (the counts the generator promises for its scale). */
    public record Result(String tag, LocalDate through, int districts, int facilities, int projects, long payees,
                         long allocations, long milestones, long verifications, long disbursements,
                         long repayments, long ledgerRows, long imports, long bankLines, long seconds) {

        public long total() {
            return districts + facilities + projects + payees + allocations + milestones + verifications
                    + disbursements + repayments + ledgerRows + imports + bankLines;
        }
    }

    public static int projectsFor(double scale) {
        return Math.max(1, (int) Math.round(10_000 * scale));
    }

    public Result generate(double scale, LocalDate through) throws SQLException {
        return generate(scale, through, 0);
    }

    /** {@code bufferPoolMb} above 0 resizes the server's InnoDB buffer pool first (SET GLOBAL; the server's own
     * default of 128 MB makes secondary-index maintenance disk-bound at this size). */
    public Result generate(double scale, LocalDate through, long bufferPoolMb) throws SQLException {
        LocalDate today = clock.today();
        LocalDate end = through == null ? today.minusDays(2) : through;
        if (!end.isBefore(today)) {
            throw new IllegalArgumentException("value dates must be before today " + today + ": " + end);
        }
        if (end.isBefore(FIRST_START.plusDays(400))) {
            throw new IllegalArgumentException("--through must be after " + FIRST_START.plusDays(400));
        }
        int projects = projectsFor(scale);
        int districts = Math.min(100, Math.max(1, (projects + 99) / 100));
        int facilities = Math.min(20, Math.max(1, (projects + 499) / 500));
        String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        out.printf("生成数据：规模 %.4f，%d 个区县，%d 个借款批次，%d 个项目，起息日截至 %s，标记 GEN-%s%n", scale,
                districts, facilities, projects, end, tag);
        long started = System.nanoTime();
        try (Connection c = loadingConnection(env)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (bufferPoolMb > 0) {
                    s.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024 * 1024);
                }
                s.execute("SET SESSION foreign_key_checks = 0");
                s.execute("SET SESSION unique_checks = 0");
            }
            try {
                Result r = new Run(c, tag, end, districts, facilities, projects, started).run();
                return r;
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION foreign_key_checks = 1");
                    s.execute("SET SESSION unique_checks = 1");
                }
                c.setAutoCommit(auto);
            }
        }
    }

    // the tables a day's activity writes too (DailyActivity): one column list each, in the order of the rows

    static Tsv verificationTsv() {
        return new Tsv("milestone_verification", "id, milestone_id, verified_on, inspector, evidence_ref, verified_at",
                "verified_by = '" + BY + "'");
    }

    static Tsv paidDisbursementTsv() {
        return new Tsv("disbursement", "id, project_id, facility_id, payee_id, milestone_id, purpose, amount, "
                + "requested_at, decided_at, paid_on, voucher_no, paid_at",
                "status = 'PAID', requested_by = 'gen-maker', decided_by = 'gen-checker', paid_by = 'gen-maker'");
    }

    static Tsv repaymentTsv() {
        return new Tsv("project_repayment", "id, project_id, amount, value_date, voucher_no, created_at, created_by",
                "");
    }

    static Tsv ledgerTsv() {
        return new Tsv("ledger_entry", "id, facility_id, project_id, entry_type, value_date, amount, principal, "
                + "interest, penalty, account_effect, voucher_no, disbursement_id, repayment_id, created_at, created_by",
                "");
    }

    static Tsv importTsv() {
        return new Tsv("bank_statement_import", "id, facility_id, file_name, file_sha256, encoding, lines_total, "
                + "lines_imported, lines_skipped, imported_by, imported_at", "");
    }

    static Tsv lineTsv() {
        return new Tsv("bank_statement_line", "id, facility_id, import_id, line_no, txn_date, value_date, direction, "
                + "amount, counterparty_name, counterparty_account, bank_serial_no, voucher_no, balance_after, memo", "");
    }

    /** Its own connection: LOAD DATA LOCAL INFILE needs allowLoadLocalInfile, which the pool does not set. */
    static Connection loadingConnection(Environment env) throws SQLException {
        String url = env.getRequiredProperty("spring.datasource.url");
        url += (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true";
        return DriverManager.getConnection(url, env.getProperty("spring.datasource.username", "root"),
                env.getProperty("spring.datasource.password", ""));
    }

    /** One generation run on one connection. */
    private final class Run {
        private final Connection c;
        private final String tag;
        private final LocalDate end;
        private final int districts;
        private final int facilities;
        private final int projects;
        private final long started;
        private final Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
        private final InterestTerms terms = new InterestTerms(RATE, MARKUP, MATURITY);
        private final Map<String, Long> next = new LinkedHashMap<>();
        private long payees, allocations, milestones, verifications, disbursements, repayments, ledgerRows,
                imports, bankLines;
        private long lastReport;
        private long projectsDone;
        private long rowsAtReport;

        private Tsv tsvDistrict, tsvFacility, tsvProject, tsvPayee, tsvAllocation, tsvMilestone, tsvVerification,
                tsvDisbursement, tsvRepayment, tsvLedger, tsvImport, tsvLine;

        Run(Connection c, String tag, LocalDate end, int districts, int facilities, int projects, long started) {
            this.c = c;
            this.tag = tag;
            this.end = end;
            this.districts = districts;
            this.facilities = facilities;
            this.projects = projects;
            this.started = started;
            this.lastReport = started;
        }

        Result run() throws SQLException {
            for (String table : List.of("district", "facility", "project", "payee", "allocation", "milestone",
                    "milestone_verification", "disbursement", "project_repayment", "ledger_entry",
                    "bank_statement_import", "bank_statement_line")) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                    rs.next();
                    next.put(table, rs.getLong(1));
                }
            }
            prepare();
            {
                long district0 = next.get("district");
                long facility0 = next.get("facility");
                for (int i = 0; i < districts; i++) {
                    tsvDistrict.row(district0 + i, "GEN-%s-D%03d".formatted(tag, i + 1), "生成区%s-%03d".formatted(tag, i + 1));
                }
                tsvDistrict.load(c);
                int perFacility = (projects + facilities - 1) / facilities;
                for (int i = 0; i < facilities; i++) {
                    int n = Math.min(perFacility, projects - i * perFacility);
                    tsvFacility.row(facility0 + i, "GEN-%s-F%02d".formatted(tag, i + 1), "生成第%d批保交楼专项借款".formatted(i + 1), "国家开发银行", "某市城市建设投资集团有限公司", "GENACC%s%02d".formatted(tag, i + 1), ALLOCATION.multiply(BigDecimal.valueOf(Math.max(1, n))), RATE, MARKUP, Date.valueOf(FIRST_START.minusDays(60)), Date.valueOf(MATURITY), now, BY);
                }
                tsvFacility.load(c);
                c.commit();
                for (int p = 0; p < projects; p++) {
                    project(p, district0 + p % districts, facility0 + p / perFacility);
                    projectsDone++;
                    if ((p + 1) % COMMIT_EVERY_PROJECTS == 0 || p + 1 == projects) {
                        flush();
                        c.commit();
                        progress(p + 1, false);
                    }
                }
                progress(projects, true);
            }
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            return new Result(tag, end, districts, facilities, projects, payees, allocations, milestones,
                    verifications, disbursements, repayments, ledgerRows, imports, bankLines, seconds);
        }

        private long id(String table) {
            long v = next.get(table);
            next.put(table, v + 1);
            return v;
        }

        private void project(int p, long districtId, long facilityId) throws SQLException {
            SplittableRandom rnd = new SplittableRandom(p * 7919L + 17);
            LocalDate start = FIRST_START.plusDays((p * 37L) % 180);
            long span = ChronoUnit.DAYS.between(start, end);
            long projectId = id("project");
            String code = "GEN-%s-P%05d".formatted(tag, p + 1);
            LocalDate delivery = start.plusDays(span * 5 / 4 + 30);
            tsvProject.row(projectId, code, "生成项目%05d".formatted(p + 1), districtId, "生成置业%05d有限公司".formatted(p + 1), "DEV%s%05d".formatted(tag, p + 1), "生成建工%05d".formatted(p + 1), 800 + rnd.nextInt(1200), ALLOCATION, Date.valueOf(delivery), now, BY);

            String[] kinds = {"CONTRACTOR", "SUPPLIER", "WAGE_ACCOUNT"};
            long[] payeeIds = new long[PAYEES_PER_PROJECT];
            String[] payeeAccounts = new String[PAYEES_PER_PROJECT];
            String[] payeeNames = new String[PAYEES_PER_PROJECT];
            for (int i = 0; i < PAYEES_PER_PROJECT; i++) {
                payeeIds[i] = id("payee");
                payeeAccounts[i] = "6222%s%05d%d".formatted(tag, p + 1, i);
                payeeNames[i] = "生成收款人%05d-%d".formatted(p + 1, i);
                tsvPayee.row(payeeIds[i], projectId, payeeNames[i], payeeAccounts[i], "中国建设银行", kinds[i], now, BY);
                payees++;
            }

            tsvAllocation.row(id("allocation"), projectId, facilityId, ALLOCATION, "GEN-%s-批复%05d".formatted(tag, p + 1), Date.valueOf(start.minusDays(1)), now, BY);
            allocations++;

            // milestones: planned over 1.25 × the span, verified a few days after the planned date when that is
            // not after the last date; 1 project in 100 has one milestone never verified (MILESTONE_OVERDUE)
            long[] milestoneIds = new long[MILESTONES_PER_PROJECT + 1];
            LocalDate[] planned = new LocalDate[MILESTONES_PER_PROJECT + 1];
            for (int seq = 1; seq <= MILESTONES_PER_PROJECT; seq++) {
                milestoneIds[seq] = id("milestone");
                planned[seq] = start.plusDays(Math.round(seq * span * 1.25 / MILESTONES_PER_PROJECT));
                tsvMilestone.row(milestoneIds[seq], projectId, seq, seq == MILESTONES_PER_PROJECT ? "交付" : "第%d节点".formatted(seq), Date.valueOf(planned[seq]), BigDecimal.valueOf(seq * 100L / MILESTONES_PER_PROJECT), now, BY);
                milestones++;
                LocalDate verified = planned[seq].plusDays(seq % 7);
                boolean skipped = p % 100 == 0 && seq == 30;
                if (!verified.isAfter(end) && !skipped) {
                    tsvVerification.row(id("milestone_verification"), milestoneIds[seq], Date.valueOf(verified), "生成监理", "JL-%s-%05d-%03d".formatted(tag, p + 1, seq), now);
                    verifications++;
                }
            }

            long importId = id("bank_statement_import");
            tsvImport.row(importId, facilityId, code + ".csv", "%064x".formatted(importId), "UTF-8", LEDGER_ROWS_PER_PROJECT, LEDGER_ROWS_PER_PROJECT, 0, BY, now);
            imports++;

            PositionState state = PositionState.EMPTY;
            LocalDate simulated = null; // the last day accrued
            int lineNo = 0;
            int lastMilestone = 1;
            for (int i = 0; i < LEDGER_ROWS_PER_PROJECT; i++) {
                LocalDate date = start.plusDays(i * span / (LEDGER_ROWS_PER_PROJECT - 1));
                // the project's interest position up to the day before this row
                if (state.started()) {
                    for (LocalDate day = simulated.plusDays(1); day.isBefore(date); day = day.plusDays(1)) {
                        state = closeDay(state, day);
                        simulated = day;
                    }
                }
                String voucher = "GV%s-%05d-%04d".formatted(tag, p + 1, i);
                long ledgerId = id("ledger_entry");
                String type;
                BigDecimal amount;
                BigDecimal principal = BigDecimal.ZERO, interest = BigDecimal.ZERO, penalty = BigDecimal.ZERO;
                Long projectRef = projectId;
                Long disbursementId = null;
                Long repaymentId = null;
                int payee = -1;
                if (i % 20 == 0) {
                    type = "DRAWDOWN";
                    amount = DRAWDOWN;
                    projectRef = null;
                } else if (i % 4 == 3) {
                    type = "PROJECT_REPAYMENT";
                    amount = money(rnd, 20_000, 180_000);
                    RepaymentWaterfall.Part part = RepaymentWaterfall.payInto(amount,
                            new DueAmounts(state.penaltyDue(), state.interestDue(), state.principal()));
                    penalty = part.penalty();
                    interest = part.interest();
                    principal = part.principal();
                    amount = part.total();
                    if (amount.signum() <= 0) {
                        amount = BigDecimal.ZERO;
                    }
                    repaymentId = amount.signum() > 0 ? id("project_repayment") : null;
                } else {
                    type = "PAYMENT";
                    amount = money(rnd, 10_000, 190_000);
                    payee = i % PAYEES_PER_PROJECT;
                    disbursementId = id("disbursement");
                    while (lastMilestone < MILESTONES_PER_PROJECT && !planned[lastMilestone + 1].isAfter(date)) {
                        lastMilestone++;
                    }
                }
                if (amount.signum() <= 0) {
                    // a repayment with nothing to pay (only possible before the first payment): post a drawdown
                    type = "DRAWDOWN";
                    amount = DRAWDOWN;
                    projectRef = null;
                    principal = BigDecimal.ZERO;
                    interest = BigDecimal.ZERO;
                    penalty = BigDecimal.ZERO;
                }
                BigDecimal effect = "PAYMENT".equals(type) ? amount.negate() : amount;
                Timestamp at = Timestamp.valueOf(date.atTime(2, 0));
                tsvLedger.row(ledgerId, facilityId, projectRef, type, Date.valueOf(date), amount, principal, interest, penalty, effect, voucher, disbursementId, repaymentId, at, BY);
                ledgerRows++;

                if (disbursementId != null) {
                    tsvDisbursement.row(disbursementId, projectId, facilityId, payeeIds[payee], milestoneIds[lastMilestone], i % 3 == 0 ? "材料款" : i % 3 == 1 ? "工程款" : "农民工工资", amount, at, at, Date.valueOf(date), voucher, at);
                    disbursements++;
                }
                if (repaymentId != null) {
                    tsvRepayment.row(repaymentId, projectId, amount, Date.valueOf(date), voucher, at, BY);
                    repayments++;
                }

                // the statement line of this row
                boolean credit = !"PAYMENT".equals(type);
                String direction = credit ? "CREDIT" : "DEBIT";
                String cpName = payee >= 0 ? payeeNames[payee] : credit && projectRef == null ? "国家开发银行"
                        : "生成置业%05d有限公司".formatted(p + 1);
                String cpAccount = payee >= 0 ? payeeAccounts[payee] : null;
                if (i % 1000 == 14) {
                    // a court deduction the ledger does not know; the payment of this row has no line
                    line(++lineNo, importId, facilityId, date, "DEBIT", money(rnd, 5_000, 50_000), "某区人民法院",
                            "COURT%s%05d".formatted(tag, p + 1), "S%s-%05d-%04d".formatted(tag, p + 1, i), null,
                            "司法扣划");
                } else if (i % 100 == 7 || i % 100 == 58) {
                    LocalDate lineDate = date.plusDays(1).isAfter(end) ? date : date.plusDays(1);
                    line(++lineNo, importId, facilityId, lineDate, direction, amount, cpName, cpAccount,
                            "S%s-%05d-%04d".formatted(tag, p + 1, i), null, "无凭证号");
                } else {
                    line(++lineNo, importId, facilityId, date, direction, amount, cpName, cpAccount,
                            "S%s-%05d-%04d".formatted(tag, p + 1, i), voucher, type);
                }

                // apply the row to the project position, as the close does (events, then the day's accrual)
                if (projectRef != null) {
                    if (simulated == null) {
                        simulated = date.minusDays(1);
                    }
                    for (LocalDate day = simulated.plusDays(1); day.isBefore(date); day = day.plusDays(1)) {
                        state = closeDay(state, day);
                        simulated = day;
                    }
                    PositionEvent e = "PAYMENT".equals(type) ? PositionEvent.advance(date, amount)
                            : PositionEvent.repayment(date, principal, interest, penalty);
                    state = state.apply(e, date);
                }
                boolean lastOfDay = i + 1 == LEDGER_ROWS_PER_PROJECT
                        || !start.plusDays((i + 1) * span / (LEDGER_ROWS_PER_PROJECT - 1)).equals(date);
                if (lastOfDay && state.started() && (simulated == null || simulated.isBefore(date))) {
                    state = closeDay(state, date);
                    simulated = date;
                }
            }
        }

        private PositionState closeDay(PositionState s, LocalDate day) {
            PositionState accrued = AccumulatedBalanceInterest.accrueDay(terms, s, day);
            return AccumulatedBalanceInterest.isSettlementDay(day, terms)
                    ? AccumulatedBalanceInterest.settle(terms, accrued, day).state() : accrued;
        }

        private void line(int lineNo, long importId, long facilityId, LocalDate date, String direction,
                          BigDecimal amount, String cpName, String cpAccount, String serial, String voucher,
                          String memo) throws SQLException {
            tsvLine.row(id("bank_statement_line"), facilityId, importId, lineNo, Date.valueOf(date), Date.valueOf(date), direction, amount, cpName, cpAccount, serial, voucher, BigDecimal.ZERO, memo);
            bankLines++;
        }

        private void progress(int done, boolean last) {
            long t = System.nanoTime();
            if (!last && t - lastReport < 10_000_000_000L) {
                return;
            }
            long rows = rows();
            double total = (t - started) / 1e9;
            double window = Math.max(1e-9, (t - lastReport) / 1e9);
            out.printf("  项目 %d/%d，已写 %,d 行，%.0f 秒，平均 %,.0f 行/秒（最近 %,.0f 行/秒）%n", done, projects, rows,
                    total, rows / Math.max(total, 1e-9), (rows - rowsAtReport) / window);
            lastReport = t;
            rowsAtReport = rows;
        }

        private long rows() {
            return districts + facilities + projectsDone + payees + allocations + milestones
                    + verifications + disbursements + repayments + ledgerRows + imports + bankLines;
        }

        private void prepare() {
            tsvDistrict = new Tsv("district", "id, code, name", "");
            tsvFacility = new Tsv("facility", "id, code, name, lender, borrower, account_no, amount, annual_rate, "
                    + "penalty_markup, start_date, maturity_date, created_at, created_by", "");
            tsvProject = new Tsv("project", "id, code, name, district_id, developer, developer_account_no, contractor, "
                    + "total_units, funding_gap, expected_delivery_date, created_at, created_by",
                    "delivered_units = 0, status = 'RESUMED'");
            tsvPayee = new Tsv("payee", "id, project_id, name, account_no, bank_name, kind, created_at, created_by", "");
            tsvAllocation = new Tsv("allocation", "id, project_id, facility_id, amount, approval_ref, approved_on, "
                    + "created_at, created_by", "");
            tsvMilestone = new Tsv("milestone", "id, project_id, seq, name, planned_date, cumulative_cap_percent, "
                    + "created_at, created_by", "");
            tsvVerification = verificationTsv();
            tsvDisbursement = paidDisbursementTsv();
            tsvRepayment = repaymentTsv();
            tsvLedger = ledgerTsv();
            tsvImport = importTsv();
            tsvLine = lineTsv();
        }

        /** Parents first, so the rows are consistent even with the checks back on. */
        private void flush() throws SQLException {
            for (Tsv t : List.of(tsvDistrict, tsvFacility, tsvProject, tsvPayee, tsvAllocation, tsvMilestone,
                    tsvVerification, tsvDisbursement, tsvRepayment, tsvLedger, tsvImport, tsvLine)) {
                t.load(c);
            }
        }
    }

    static BigDecimal money(SplittableRandom rnd, int fromYuan, int toYuan) {
        long fen = (long) fromYuan * 100 + rnd.nextLong((long) (toYuan - fromYuan) * 100);
        return BigDecimal.valueOf(fen, 2);
    }

}
