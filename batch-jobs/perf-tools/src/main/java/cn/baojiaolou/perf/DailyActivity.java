package cn.baojiaolou.perf;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.baojiaolou.loan.domain.interest.DueAmounts;
import cn.baojiaolou.loan.domain.repayment.RepaymentWaterfall;

/**
 * One business day's new activity on generated data, for the realistic night of the close benchmark: after D−1 is
 * closed, D's rows arrive as they would from a day's work, and the close of D must take them in. The volume is fixed
 * (7,000 ledger rows by default, a national day) whatever the history's size, in the generator's proportions:
 * <ul>
 *   <li>ledger rows spread over the projects: 70 % PAYMENT with its PAID disbursement (against the project's latest
 *       verified milestone), 25 % PROJECT_REPAYMENT split by the repayment waterfall over what the close of D−1 left
 *       due, 5 % DRAWDOWN;</li>
 *   <li>a 专户 statement line for each, under one import per facility: most with the voucher, 2 in 100 by amount and
 *       counterparty only, 1 in 1,000 a court deduction the ledger does not know (its payment has no line);</li>
 *   <li>a tenth as many milestone verifications (the earliest unverified milestones still in plan) and as many new
 *       payment requests (REQUESTED, for the review queue).</li>
 * </ul>
 * Written like the generator (LOAD DATA from memory, explicit ids, checks off for the session); untimed.
 */
@Component
public class DailyActivity {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] PURPOSES = {"材料款", "工程款", "农民工工资"};

    private final Environment env;

    public DailyActivity(Environment env) {
        this.env = env;
    }

    /** What one day's load wrote; {@code firstIds} is each table's first new id (its rows are the ids from there). */
    public record Loaded(LocalDate day, int payments, int repayments, int drawdowns, int lines, int verifications,
                         int requests, Map<String, Long> firstIds, double seconds) {
        public int ledgerRows() {
            return payments + repayments + drawdowns;
        }
    }

    private record Position(long projectId, String code, long facilityId, BigDecimal penaltyDue,
                            BigDecimal interestDue, BigDecimal principal) {
    }

    private record Payee(long id, String name, String account) {
    }

    /** Loads {@code day}'s activity: {@code ledgerRows} rows and what goes with them. D−1 must be closed. */
    public Loaded load(LocalDate day, int ledgerRows) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = NationalScaleGenerator.loadingConnection(env)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = 0");
                s.execute("SET SESSION unique_checks = 0");
            }
            List<Position> positions = positions(c, day.minusDays(1));
            if (positions.isEmpty()) {
                throw new IllegalStateException("D−1 = " + day.minusDays(1) + " 未结账（没有计息状态）：请先结账 D−1");
            }
            Map<Long, List<Payee>> payees = payees(c);
            Map<Long, Long> milestones = latestVerifiedMilestones(c);
            Map<String, Long> next = new LinkedHashMap<>();
            for (String table : List.of("disbursement", "project_repayment", "ledger_entry", "bank_statement_import",
                    "bank_statement_line", "milestone_verification")) {
                next.put(table, scalar(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table));
            }
            Map<String, Long> firstIds = new LinkedHashMap<>(next);

            Tsv ledger = NationalScaleGenerator.ledgerTsv();
            Tsv paid = NationalScaleGenerator.paidDisbursementTsv();
            Tsv repayment = NationalScaleGenerator.repaymentTsv();
            Tsv imports = NationalScaleGenerator.importTsv();
            Tsv lines = NationalScaleGenerator.lineTsv();
            Tsv verifications = NationalScaleGenerator.verificationTsv();
            Tsv requests = new Tsv("disbursement", "id, project_id, facility_id, payee_id, milestone_id, purpose, amount, "
                    + "requested_at", "status = 'REQUESTED', requested_by = 'gen-maker'");

            String stamp = day.format(DAY);
            SplittableRandom rnd = new SplittableRandom(day.toEpochDay());
            Timestamp at = Timestamp.valueOf(day.atTime(10, 0));
            Map<Long, Long> importOf = new HashMap<>();
            Map<Long, Integer> lineNo = new HashMap<>();
            Map<Long, BigDecimal> paidToday = new HashMap<>();
            int payments = 0;
            int repayments = 0;
            int drawdowns = 0;
            int lineCount = 0;
            // the day's rows fall on different projects each night
            int offset = (int) Math.floorMod(day.toEpochDay() * 7919L, positions.size());
            for (int i = 0; i < ledgerRows; i++) {
                Position p = positions.get((int) ((offset + (long) i * positions.size() / ledgerRows)
                        % positions.size()));
                long importId = importOf.computeIfAbsent(p.facilityId(), f -> {
                    long id = take(next, "bank_statement_import");
                    imports.row(id, f, "GEN-DAY-" + stamp + "-F" + f + ".csv", "%064x".formatted(id), "UTF-8", 0, 0, 0,
                            NationalScaleGenerator.BY, at);
                    return id;
                });
                String voucher = "GV-" + p.code() + "-" + stamp + "-" + i;
                long ledgerId = take(next, "ledger_entry");
                List<Payee> own = payees.get(p.projectId());
                Payee payee = own.get(i % own.size());
                String type;
                BigDecimal amount;
                BigDecimal principal = BigDecimal.ZERO;
                BigDecimal interest = BigDecimal.ZERO;
                BigDecimal penalty = BigDecimal.ZERO;
                if (i % 4 == 3) {
                    BigDecimal owed = p.principal().add(paidToday.getOrDefault(p.projectId(), BigDecimal.ZERO));
                    RepaymentWaterfall.Part part = RepaymentWaterfall.payInto(
                            NationalScaleGenerator.money(rnd, 20_000, 180_000),
                            new DueAmounts(p.penaltyDue(), p.interestDue(), owed));
                    type = part.total().signum() > 0 ? "PROJECT_REPAYMENT" : "DRAWDOWN";
                    amount = part.total().signum() > 0 ? part.total() : NationalScaleGenerator.DRAWDOWN;
                    principal = part.principal();
                    interest = part.interest();
                    penalty = part.penalty();
                } else if (i % 20 == 0) {
                    type = "DRAWDOWN";
                    amount = NationalScaleGenerator.DRAWDOWN;
                } else {
                    type = "PAYMENT";
                    amount = NationalScaleGenerator.money(rnd, 10_000, 190_000);
                }
                Long disbursementId = null;
                Long repaymentId = null;
                switch (type) {
                    case "PAYMENT" -> {
                        disbursementId = take(next, "disbursement");
                        paid.row(disbursementId, p.projectId(), p.facilityId(), payee.id(), milestones.get(p.projectId()),
                                PURPOSES[i % 3], amount, at, at, Date.valueOf(day), voucher, at);
                        paidToday.merge(p.projectId(), amount, BigDecimal::add);
                        payments++;
                    }
                    case "PROJECT_REPAYMENT" -> {
                        repaymentId = take(next, "project_repayment");
                        repayment.row(repaymentId, p.projectId(), amount, Date.valueOf(day), voucher, at,
                                NationalScaleGenerator.BY);
                        repayments++;
                    }
                    default -> drawdowns++;
                }
                boolean drawdown = "DRAWDOWN".equals(type);
                ledger.row(ledgerId, p.facilityId(), drawdown ? null : p.projectId(), type, Date.valueOf(day), amount,
                        principal, interest, penalty, "PAYMENT".equals(type) ? amount.negate() : amount, voucher,
                        disbursementId, repaymentId, at, NationalScaleGenerator.BY);

                boolean credit = !"PAYMENT".equals(type);
                String cpName = !credit ? payee.name() : drawdown ? "国家开发银行" : "生成置业-" + p.code();
                String cpAccount = !credit ? payee.account() : null;
                int no = lineNo.merge(importId, 1, Integer::sum);
                String serial = "S-" + p.code() + "-" + stamp + "-" + i;
                if (i % 1000 == 14) {
                    lines.row(take(next, "bank_statement_line"), p.facilityId(), importId, no, Date.valueOf(day),
                            Date.valueOf(day), "DEBIT", NationalScaleGenerator.money(rnd, 5_000, 50_000), "某区人民法院",
                            "COURT-" + p.code(), serial, null, BigDecimal.ZERO, "司法扣划");
                } else {
                    boolean fuzzy = i % 100 == 7 || i % 100 == 58;
                    lines.row(take(next, "bank_statement_line"), p.facilityId(), importId, no, Date.valueOf(day),
                            Date.valueOf(day), credit ? "CREDIT" : "DEBIT", amount, cpName, cpAccount, serial,
                            fuzzy ? null : voucher, BigDecimal.ZERO, fuzzy ? "无凭证号" : type);
                }
                lineCount++;
            }

            int verified = 0;
            for (long milestoneId : nextMilestones(c, day, ledgerRows / 10)) {
                verifications.row(take(next, "milestone_verification"), milestoneId, Date.valueOf(day), "生成监理",
                        "JL-DAY-" + stamp + "-" + milestoneId, at);
                verified++;
            }
            int requested = 0;
            for (int i = 0; i < ledgerRows / 10; i++) {
                Position p = positions.get((int) ((offset + 1 + (long) i * positions.size() / (ledgerRows / 10))
                        % positions.size()));
                List<Payee> own = payees.get(p.projectId());
                requests.row(take(next, "disbursement"), p.projectId(), p.facilityId(), own.get(i % own.size()).id(),
                        milestones.get(p.projectId()), PURPOSES[i % 3], NationalScaleGenerator.money(rnd, 10_000, 190_000),
                        at);
                requested++;
            }
            // parents first: disbursements and repayments before the ledger rows, the imports before their lines
            for (Tsv t : List.of(paid, requests, repayment, ledger, imports, lines, verifications)) {
                t.load(c);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE bank_statement_import SET lines_total = ?, "
                    + "lines_imported = ? WHERE id = ?")) {
                for (Map.Entry<Long, Integer> e : lineNo.entrySet()) {
                    ps.setInt(1, e.getValue());
                    ps.setInt(2, e.getValue());
                    ps.setLong(3, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = 1");
                s.execute("SET SESSION unique_checks = 1");
            }
            c.commit();
            return new Loaded(day, payments, repayments, drawdowns, lineCount, verified, requested, firstIds,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Each project's position after the close of {@code previous}: what is due, for the repayments' split. */
    private static List<Position> positions(Connection c, LocalDate previous) throws SQLException {
        List<Position> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.code, a.facility_id, "
                + "COALESCE(ia.penalty_due, 0), COALESCE(ia.interest_due, 0), COALESCE(ia.principal, 0) "
                + "FROM project p JOIN allocation a ON a.project_id = p.id "
                + "LEFT JOIN interest_accrual ia ON ia.business_date = ? AND ia.facility_id = a.facility_id "
                + "AND ia.project_id = p.id WHERE p.code LIKE 'GEN-%' ORDER BY p.id")) {
            ps.setDate(1, Date.valueOf(previous));
            try (ResultSet rs = ps.executeQuery()) {
                boolean anyState = false;
                while (rs.next()) {
                    out.add(new Position(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    anyState |= rs.getBigDecimal(6).signum() != 0;
                }
                return anyState ? out : List.of();
            }
        }
    }

    private static Map<Long, List<Payee>> payees(Connection c) throws SQLException {
        Map<Long, List<Payee>> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT project_id, id, name, account_no FROM payee ORDER BY project_id, id")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Payee(rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** The latest verified milestone of each project: what a payment of the day is made against. */
    private static Map<Long, Long> latestVerifiedMilestones(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.project_id, MAX(m.id) FROM milestone m "
                     + "JOIN milestone_verification v ON v.milestone_id = m.id GROUP BY m.project_id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** The earliest unverified milestones still in plan (the generator's never-verified ones lie months back). */
    private static List<Long> nextMilestones(Connection c, LocalDate day, int n) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id FROM milestone m "
                + "LEFT JOIN milestone_verification v ON v.milestone_id = m.id "
                + "WHERE v.id IS NULL AND m.planned_date >= ? ORDER BY m.planned_date, m.id LIMIT ?")) {
            ps.setDate(1, Date.valueOf(day.minusDays(14)));
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long take(Map<String, Long> next, String table) {
        long id = next.get(table);
        next.put(table, id + 1);
        return id;
    }
}
