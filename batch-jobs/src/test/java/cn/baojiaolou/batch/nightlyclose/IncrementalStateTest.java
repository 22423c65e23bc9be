package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.nightlyclose.matching.StatementMatching;
import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import cn.baojiaolou.batch.nightlyclose.rules.ReconciliationRule;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The close's incremental state (running totals, open lines and payments) gives every rule the same findings as a
 * read of the whole history, for dates before, at and after its checkpoint, and for rows posted before and after it.
 * "No state" (its tables emptied) makes the rules read every row live: that is the reference.
 */
@BatchDatabaseTest
class IncrementalStateTest {

    private static final LocalDate D1 = LocalDate.of(2023, 3, 12);
    private static final LocalDate D2 = LocalDate.of(2023, 3, 16);
    private static final LocalDate D3 = LocalDate.of(2023, 3, 25);

    @Autowired
    BatchFixtures fx;
    @Autowired
    IncrementalState state;
    @Autowired
    StatementMatching matching;
    @Autowired
    List<ReconciliationRule> rules;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rulesReadingTheStateFindWhatAWholeHistoryReadFindsBeforeAtAndAfterTheCheckpoint() {
        Ready r = fx.ready(yuan("1000000.00"));
        long f = r.facility().id();
        long p = r.project().id();
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1)); // cap 200,000.00
        Disbursement first = fx.paid(r.project(), r.payee(), r.restart(), yuan("150000.00"),
                LocalDate.of(2023, 3, 1));
        Disbursement second = fx.paid(r.project(), r.payee(), r.restart(), yuan("40000.00"),
                LocalDate.of(2023, 3, 10));
        fx.reverse(second, LocalDate.of(2023, 3, 15));
        // arrives by another route, dated after the checkpoint of D2: over the cap and over the allocation
        long big = fx.insertDisbursement(p, f, r.payee().id(), r.restart().id(), "工程款", yuan("900000.00"), "PAID",
                LocalDate.of(2023, 3, 20));
        fx.insertPaymentEntry(f, p, big, yuan("900000.00"), LocalDate.of(2023, 3, 20), Fixtures.code("MIG"));
        // paid to the developer, and requested for a prohibited purpose (never paid)
        long developer = fx.payee(r.project(), PayeeKind.DEVELOPER).id();
        long toDeveloper = fx.insertDisbursement(p, f, developer, r.restart().id(), "工程款", yuan("1000.00"), "PAID",
                LocalDate.of(2023, 3, 11));
        fx.insertDisbursement(p, f, r.payee().id(), r.restart().id(), "偿还旧债", yuan("2000.00"), "REQUESTED", null);
        long stmt = fx.statementImport(f);
        String acc = r.payee().accountNo();
        fx.bankLine(f, stmt, LocalDate.of(2023, 1, 1), "CREDIT", "10000000.00", "国开行", r.drawdown().voucherNo(),
                "10000000.00");
        long matched = fx.bankLine(f, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "150000.00", acc,
                fx.paymentOf(first).voucherNo(), "9850000.00");
        fx.bankLine(f, stmt, LocalDate.of(2023, 3, 10), "DEBIT", "40000.50", acc, fx.paymentOf(second).voucherNo(),
                "9809999.50");
        long court = fx.bankLine(f, stmt, LocalDate.of(2023, 3, 11), "DEBIT", "77777.00", "法院执行账户", null,
                "9732222.50");
        matching.match(D2);

        clearState();
        Map<LocalDate, List<Finding>> wholeHistory = findings(f, p);
        assertThat(wholeHistory.get(D3)).extracting(Finding::ruleCode).contains("OVER_PROGRESS", "OVER_ALLOCATION",
                "BANK_WITHOUT_LEDGER", "AMOUNT_MISMATCH", "BALANCE_MISMATCH", "LEDGER_WITHOUT_BANK",
                "PAYEE_NOT_REGISTERED", "PROHIBITED_PURPOSE");

        state.takeIn();
        state.advanceTotals(D2);
        assertThat(netPaid(f, p)).isEqualByComparingTo("150000.00"); // the 900,000.00 of 03-20 is after D2
        assertThat(open("match_open_line", "bank_line_id", court)).isTrue();
        assertThat(open("match_open_line", "bank_line_id", matched)).isFalse();
        assertThat(open("disbursement_flag", "disbursement_id", toDeveloper)).isTrue();
        assertThat(open("disbursement_flag", "disbursement_id", first.id())).isFalse();
        assertThat(findings(f, p)).isEqualTo(wholeHistory);

        // posted after the checkpoint: a payment on 03-24 with its bank line, and another debit nobody recorded
        long late = fx.insertDisbursement(p, f, r.payee().id(), r.restart().id(), "工程款", yuan("5000.00"), "PAID",
                LocalDate.of(2023, 3, 24));
        String voucher = Fixtures.code("MIG");
        fx.insertPaymentEntry(f, p, late, yuan("5000.00"), LocalDate.of(2023, 3, 24), voucher);
        fx.bankLine(f, stmt, LocalDate.of(2023, 3, 24), "DEBIT", "5000.00", acc, voucher, "9727222.50");
        fx.bankLine(f, stmt, LocalDate.of(2023, 3, 13), "DEBIT", "12.00", "手续费", null, "9727210.50");
        fx.insertDisbursement(p, f, r.payee().id(), r.restart().id(), "税费", yuan("3000.00"), "APPROVED", null);
        Map<LocalDate, List<Finding>> withState = findings(f, p);
        clearState();
        assertThat(findings(f, p)).isEqualTo(withState);

        // and once the state has moved on to D3, past every row
        state.takeIn();
        state.advanceTotals(D2);
        state.advanceTotals(D3);
        assertThat(netPaid(f, p)).isEqualByComparingTo("1055000.00");
        assertThat(findings(f, p)).isEqualTo(withState);
        // a date at or before the checkpoint leaves it alone
        assertThat(state.advanceTotals(D1)).isZero();
        assertThat(state.checkpoint(IncrementalState.LEDGER_TOTALS).asOf()).isEqualTo(D3);
    }

    /** The findings of every rule about this facility or project, on D1 (before), D2 and D3. */
    private Map<LocalDate, List<Finding>> findings(long facilityId, long projectId) {
        Map<LocalDate, List<Finding>> byDate = new LinkedHashMap<>();
        for (LocalDate d : List.of(D1, D2, D3)) {
            byDate.put(d, rules.stream().flatMap(rule -> rule.evaluate(d).stream())
                    .filter(x -> Objects.equals(x.facilityId(), facilityId) || Objects.equals(x.projectId(), projectId))
                    .toList());
        }
        return byDate;
    }

    private void clearState() {
        for (String table : List.of("close_checkpoint", "ledger_position_total", "match_open_line",
                "match_open_payment", "disbursement_flag", "milestone_open", "milestone_project_state",
                "milestone_gap")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private BigDecimal netPaid(long facilityId, long projectId) {
        return jdbc.queryForObject("SELECT net_paid FROM ledger_position_total WHERE facility_id = ? AND project_id = ?",
                BigDecimal.class, facilityId, projectId);
    }

    private boolean open(String table, String column, long id) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class,
                id);
        return n != null && n > 0;
    }
}
