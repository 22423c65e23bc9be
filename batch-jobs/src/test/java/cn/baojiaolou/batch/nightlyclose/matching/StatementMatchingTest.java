package cn.baojiaolou.batch.nightlyclose.matching;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.nightlyclose.rules.BankWithoutLedgerRule;
import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.batch.support.BatchFixtures.Match;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.ledger.EntryType;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.baojiaolou.loan.support.Fixtures.code;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class StatementMatchingTest {

    private static final LocalDate RESTART_VERIFIED = LocalDate.of(2023, 2, 1);

    @Autowired
    BatchFixtures fx;
    @Autowired
    StatementMatching matching;
    @Autowired
    BankWithoutLedgerRule bankWithoutLedger;

    @Test
    void voucherMatchNeedsTheSameVoucherDirectionAndAmount() {
        Ready r = ready("1000000.00");
        String voucher = code("VA");
        Disbursement pay = fx.paid(r.project(), r.payee(), r.restart(), yuan("50000.00"), LocalDate.of(2023, 3, 1),
                voucher);
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        long drawLine = fx.bankLine(facility, stmt, LocalDate.of(2023, 1, 1), "CREDIT", "10000000.00", "国开行",
                r.drawdown().voucherNo(), "10000000.00");
        // the counterparty does not matter for a voucher match, and the bank's value date may differ by days
        long payLine = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 6), "DEBIT", "50000.00", "9999",
                voucher, "9950000.00");
        // same voucher and amount, wrong direction: money came in, the record says it went out
        long wrongDirection = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 7), "CREDIT", "50000.00", "9999",
                voucher, "10000000.00");

        MatchResult result = matching.match(LocalDate.of(2023, 3, 10));

        assertThat(result.voucher()).isGreaterThanOrEqualTo(2);
        assertThat(fx.matchesOf(facility)).containsExactly(
                new Match(drawLine, r.drawdown().id(), "VOUCHER", LocalDate.of(2023, 3, 10)),
                new Match(payLine, fx.paymentOf(pay).id(), "VOUCHER", LocalDate.of(2023, 3, 10)));
        assertThat(fx.matchesOf(facility)).extracting(Match::bankLineId).doesNotContain(wrongDirection);
    }

    @Test
    void fuzzyMatchTakesAmountAndDirectionWithinTheWindowAndThePayeeAccountForPayments() {
        Ready r = ready("1000000.00");
        String payeeAccount = r.payee().accountNo();
        Disbursement p1 = fx.paid(r.project(), r.payee(), r.restart(), yuan("40000.00"), LocalDate.of(2023, 3, 1));
        Disbursement p2 = fx.paid(r.project(), r.payee(), r.restart(), yuan("45000.00"), LocalDate.of(2023, 3, 10));
        Disbursement p3 = fx.paid(r.project(), r.payee(), r.restart(), yuan("41000.00"), LocalDate.of(2023, 3, 15));
        fx.repay(r.project(), yuan("10000.00"), LocalDate.of(2023, 3, 20), code("RP"));
        LedgerEntry repayment = fx.entriesOf(r.project()).stream()
                .filter(e -> e.entryType() == EntryType.PROJECT_REPAYMENT).findFirst().orElseThrow();
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        // 3 days after the payment, no voucher on the line: a fuzzy match
        long inWindow = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 4), "DEBIT", "40000.00", payeeAccount,
                null, "9960000.00");
        // 4 days after, with a bank reference of its own: just outside the window
        long outside = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 14), "DEBIT", "45000.00", payeeAccount,
                code("BANKREF"), "9915000.00");
        // same day and amount, but paid to another account than the payee's
        long otherAccount = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 15), "DEBIT", "41000.00",
                "6222000011112222", null, "9874000.00");
        // a project repayment: amount and date only, whatever the counterparty
        long repaid = fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 22), "CREDIT", "10000.00", "售房监管户",
                "6228480000000001", null, "9884000.00", "售房款还款");

        MatchResult result = matching.match(LocalDate.of(2023, 3, 31));

        LocalDate d = LocalDate.of(2023, 3, 31);
        assertThat(result.fuzzy()).isGreaterThanOrEqualTo(2);
        assertThat(fx.matchesOf(facility)).containsExactly(
                new Match(inWindow, fx.paymentOf(p1).id(), "FUZZY", d),
                new Match(repaid, repayment.id(), "FUZZY", d));
        assertThat(fx.matchesOf(facility)).extracting(Match::bankLineId).doesNotContain(outside, otherAccount);
        assertThat(fx.matchesOf(facility)).extracting(Match::ledgerEntryId)
                .doesNotContain(fx.paymentOf(p2).id(), fx.paymentOf(p3).id());
    }

    @Test
    void fuzzyChoiceIsTheSmallestDateDistanceThenTheSmallestLedgerId() {
        Ready r = ready("2000000.00");
        String account = r.payee().accountNo();
        LedgerEntry e1 = fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("80000.00"),
                LocalDate.of(2023, 5, 1)));
        LedgerEntry e2 = fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("80000.00"),
                LocalDate.of(2023, 5, 3)));
        LedgerEntry e3 = fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("80000.00"),
                LocalDate.of(2023, 5, 5)));
        LedgerEntry e4 = fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("80000.00"),
                LocalDate.of(2023, 5, 5)));
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        // processed first (lowest id): e2 is 0 days away, e1 2 days, e3/e4 2 days → e2
        long lineA = fx.bankLine(facility, stmt, LocalDate.of(2023, 5, 3), "DEBIT", "80000.00", account, null, "1");
        // then: e1 and e3 are 1 and 3 days away (e2 taken) → e1
        long lineB = fx.bankLine(facility, stmt, LocalDate.of(2023, 5, 2), "DEBIT", "80000.00", account, null, "1");
        // then: e3 and e4 both 0 days away → the smaller ledger id, e3
        long lineC = fx.bankLine(facility, stmt, LocalDate.of(2023, 5, 5), "DEBIT", "80000.00", account, null, "1");

        matching.match(LocalDate.of(2023, 5, 10));

        assertThat(fx.matchesOf(facility)).extracting(Match::bankLineId, Match::ledgerEntryId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(lineA, e2.id()),
                org.assertj.core.groups.Tuple.tuple(lineB, e1.id()),
                org.assertj.core.groups.Tuple.tuple(lineC, e3.id()));
        assertThat(fx.matchesOf(facility)).extracting(Match::ledgerEntryId).doesNotContain(e4.id());
    }

    @Test
    void duplicatesMatchOneToOneAndTheLeftoversAndACourtDeductionAreReportedAfterTheWindow() {
        Ready r = ready("1000000.00");
        String account = r.payee().accountNo();
        String voucher = code("VD");
        Disbursement byVoucher = fx.paid(r.project(), r.payee(), r.restart(), yuan("60000.00"),
                LocalDate.of(2023, 4, 3), voucher);
        Disbursement byAmount = fx.paid(r.project(), r.payee(), r.restart(), yuan("70000.00"),
                LocalDate.of(2023, 4, 3));
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        long dup1 = fx.bankLine(facility, stmt, LocalDate.of(2023, 4, 3), "DEBIT", "60000.00", account, voucher, "1");
        long dup2 = fx.bankLine(facility, stmt, LocalDate.of(2023, 4, 3), "DEBIT", "60000.00", account, voucher, "1");
        long fuzzy1 = fx.bankLine(facility, stmt, LocalDate.of(2023, 4, 4), "DEBIT", "70000.00", account, null, "1");
        long fuzzy2 = fx.bankLine(facility, stmt, LocalDate.of(2023, 4, 4), "DEBIT", "70000.00", account, null, "1");
        long court = fx.bankLine(facility, stmt, LocalDate.of(2023, 4, 4), "DEBIT", "1300000.00",
                "永州市零陵区人民法院", "9011000000000001", null, "1", "司法扣划");

        matching.match(LocalDate.of(2023, 4, 5));

        LocalDate d = LocalDate.of(2023, 4, 5);
        assertThat(fx.matchesOf(facility)).containsExactly(
                new Match(dup1, fx.paymentOf(byVoucher).id(), "VOUCHER", d),
                new Match(fuzzy1, fx.paymentOf(byAmount).id(), "FUZZY", d));

        assertThat(unmatchedDebits(LocalDate.of(2023, 4, 5), facility)).isEmpty();
        assertThat(unmatchedDebits(LocalDate.of(2023, 4, 6), facility)).containsExactly(dup2);
        assertThat(unmatchedDebits(LocalDate.of(2023, 4, 7), facility)).containsExactly(dup2, fuzzy2, court);
        Finding courtFinding = bankWithoutLedger.evaluate(LocalDate.of(2023, 4, 7)).stream()
                .filter(f -> f.subjectKey().equals("bank-line:" + court)).findFirst().orElseThrow();
        assertThat(courtFinding.amount()).isEqualByComparingTo("1300000.00");
        assertThat(courtFinding.detail()).contains("人民法院").contains("司法扣划");
    }

    @Test
    void aRerunForTheSameDateAddsNothing() {
        Ready r = ready("1000000.00");
        String voucher = code("VR");
        fx.paid(r.project(), r.payee(), r.restart(), yuan("50000.00"), LocalDate.of(2023, 3, 1), voucher);
        fx.paid(r.project(), r.payee(), r.restart(), yuan("60000.00"), LocalDate.of(2023, 3, 2));
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "50000.00", "x", voucher, "1");
        fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 3), "DEBIT", "60000.00", r.payee().accountNo(), null, "1");
        fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 3), "DEBIT", "60000.00", r.payee().accountNo(), null, "1");
        LocalDate d = LocalDate.of(2023, 3, 5);

        matching.match(d);
        List<Match> first = fx.matchesOf(facility);
        long allMatches = fx.jdbc().queryForObject("SELECT COUNT(*) FROM bank_match", Long.class);
        MatchResult rerun = matching.match(d);

        assertThat(first).hasSize(2);
        assertThat(rerun).isEqualTo(new MatchResult(0, 0));
        assertThat(fx.matchesOf(facility)).isEqualTo(first);
        assertThat(fx.jdbc().queryForObject("SELECT COUNT(*) FROM bank_match", Long.class)).isEqualTo(allMatches);
    }

    @Test
    void aRunInterruptedPartWayThenRerunEndsInTheSameStateAsAnUninterruptedRun() {
        Scenario interrupted = scenario();
        Scenario uninterrupted = scenario();
        LocalDate d = LocalDate.of(2023, 3, 10);
        // the interrupted run had committed its first batch: the voucher match of the lowest line
        fx.match(interrupted.lines().get(0), interrupted.entries().get(0), "VOUCHER", d);

        matching.match(d);

        List<String> expected = List.of("line0->entry0 VOUCHER", "line1->entry1 VOUCHER", "line2->entry2 FUZZY");
        assertThat(outcome(interrupted)).isEqualTo(expected);
        assertThat(outcome(uninterrupted)).isEqualTo(expected);
    }

    /** Three payments; lines: two by voucher, one fuzzy, and a duplicate of the fuzzy one that stays unmatched. */
    private Scenario scenario() {
        Ready r = ready("1000000.00");
        String account = r.payee().accountNo();
        String v1 = code("V1");
        String v2 = code("V2");
        List<Long> entries = new ArrayList<>();
        entries.add(fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("50000.00"),
                LocalDate.of(2023, 3, 1), v1)).id());
        entries.add(fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("60000.00"),
                LocalDate.of(2023, 3, 2), v2)).id());
        entries.add(fx.paymentOf(fx.paid(r.project(), r.payee(), r.restart(), yuan("70000.00"),
                LocalDate.of(2023, 3, 3))).id());
        long facility = r.facility().id();
        long stmt = fx.statementImport(facility);
        List<Long> lines = new ArrayList<>();
        lines.add(fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "50000.00", account, v1, "1"));
        lines.add(fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 2), "DEBIT", "60000.00", account, v2, "1"));
        lines.add(fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 4), "DEBIT", "70000.00", account, null, "1"));
        lines.add(fx.bankLine(facility, stmt, LocalDate.of(2023, 3, 4), "DEBIT", "70000.00", account, null, "1"));
        return new Scenario(facility, lines, entries);
    }

    private record Scenario(long facilityId, List<Long> lines, List<Long> entries) {
    }

    private List<String> outcome(Scenario s) {
        return fx.matchesOf(s.facilityId()).stream().map(m -> "line" + s.lines().indexOf(m.bankLineId())
                + "->entry" + s.entries().indexOf(m.ledgerEntryId()) + " " + m.method()).toList();
    }

    private List<Long> unmatchedDebits(LocalDate d, long facilityId) {
        return BatchFixtures.ofFacility(bankWithoutLedger.evaluate(d), facilityId).stream()
                .map(f -> f.refs().bankLineIds().get(0)).toList();
    }

    private Ready ready(String allocation) {
        Ready r = fx.ready(yuan(allocation));
        fx.verify(r.project(), r.restart(), RESTART_VERIFIED);
        return r;
    }
}
