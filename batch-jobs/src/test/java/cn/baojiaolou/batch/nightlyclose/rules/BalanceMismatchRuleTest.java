package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.support.Fixtures.Ready;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.batch.support.BatchFixtures.ofFacility;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class BalanceMismatchRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    BalanceMismatchRule rule;

    @Test
    void theStatementsClosingBalanceOneFenOffTheBookIsReportedEqualIsNot() {
        Statement equal = statement("9950000.00");
        Statement oneFenOff = statement("9949999.99");
        LocalDate d = LocalDate.of(2023, 3, 10);

        assertThat(ofFacility(rule.evaluate(d), equal.facilityId())).isEmpty();
        assertThat(ofFacility(rule.evaluate(d), oneFenOff.facilityId())).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("BALANCE_MISMATCH");
            assertThat(f.subjectKey()).isEqualTo("facility:" + oneFenOff.facilityId());
            assertThat(f.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(f.amount()).isEqualByComparingTo("0.01");
            assertThat(f.refs().bankLineIds()).containsExactly(oneFenOff.lastLine());
            assertThat(f.detail()).contains("9,950,000.00").contains("9,949,999.99");
        });
        // as of January the last line is the drawdown, and the book agrees with it
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 1, 15)), oneFenOff.facilityId())).isEmpty();
    }

    /**
     * Drawn 10,000,000.00 on 2023-01-01, paid 30,000.00 and 20,000.00 on 2023-03-01. Lines: the drawdown; the two
     * payments on 03-01 (the last of them, by id, carries {@code closing}); a line inserted afterwards but dated
     * 02-15 (not last: the order is value date, then id); a line after D.
     */
    private Statement statement(String closing) {
        Ready r = fx.ready(yuan("1000000.00"));
        fx.verify(r.project(), r.restart(), LocalDate.of(2023, 2, 1));
        fx.paid(r.project(), r.payee(), r.restart(), yuan("30000.00"), LocalDate.of(2023, 3, 1));
        fx.paid(r.project(), r.payee(), r.restart(), yuan("20000.00"), LocalDate.of(2023, 3, 1));
        long f = r.facility().id();
        long stmt = fx.statementImport(f);
        String acc = r.payee().accountNo();
        fx.bankLine(f, stmt, LocalDate.of(2023, 1, 1), "CREDIT", "10000000.00", "国开行", null, "10000000.00");
        fx.bankLine(f, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "30000.00", acc, null, "9970000.00");
        long last = fx.bankLine(f, stmt, LocalDate.of(2023, 3, 1), "DEBIT", "20000.00", acc, null, closing);
        fx.bankLine(f, stmt, LocalDate.of(2023, 2, 15), "CREDIT", "0.01", "利息", null, "123.45");
        fx.bankLine(f, stmt, LocalDate.of(2023, 3, 20), "DEBIT", "1.00", "手续费", null, "0.00");
        return new Statement(f, last);
    }

    private record Statement(long facilityId, long lastLine) {
    }
}
