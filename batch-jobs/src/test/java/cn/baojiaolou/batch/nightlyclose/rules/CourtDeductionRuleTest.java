package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.batch.support.BatchFixtures;
import cn.baojiaolou.loan.court.CourtRegister;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.baojiaolou.batch.support.BatchFixtures.ofFacility;
import static cn.baojiaolou.loan.support.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

@BatchDatabaseTest
class CourtDeductionRuleTest {

    @Autowired
    BatchFixtures fx;
    @Autowired
    CourtDeductionRule rule;
    @Autowired
    CourtRegister register;

    @Test
    void aDeductionIsSeriousFromItsDayUntilRecoveredInFull() {
        Facility f = fx.facility(yuan("10000000.00"), LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31));
        long facility = f.id();
        long stmt = fx.statementImport(facility);
        long line = fx.bankLine(facility, stmt, LocalDate.of(2023, 6, 15), "DEBIT", "1300000.00", "永州市零陵区人民法院",
                "3201300000000001", null, "8700000.00", "司法扣划");
        long id = fx.as(fx.cityUser(Role.ACCOUNTANT), () -> register.registerDeduction(new CourtRegister.NewDeduction(
                f.code(), "永州市零陵区人民法院", "（2023）湘1102执1234号", yuan("1300000.00"), LocalDate.of(2023, 6, 15),
                null, line))).deduction().id();

        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 6, 14)), facility)).isEmpty();
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 6, 15)), facility)).singleElement().satisfies(x -> {
            assertThat(x.ruleCode()).isEqualTo("COURT_DEDUCTION");
            assertThat(x.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(x.subjectKey()).isEqualTo("court-deduction:" + id);
            assertThat(x.amount()).isEqualByComparingTo("1300000.00");
            assertThat(x.projectId()).isNull();
            assertThat(x.refs().bankLineIds()).containsExactly(line);
            assertThat(x.detail()).isEqualTo("2023-06-15 永州市零陵区人民法院 扣划专户（" + f.code()
                    + "）1,300,000.00 元，案号 （2023）湘1102执1234号，尚有 1,300,000.00 元未追回、未核销");
        });

        fx.as(fx.cityUser(Role.ACCOUNTANT), () -> register.recover(id, yuan("1299999.99"), LocalDate.of(2023, 7, 1),
                null, "部分退回"));
        // recoveries count from their own date: before it the whole amount is still missing
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 6, 30)), facility)).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualByComparingTo("1300000.00"));
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 7, 1)), facility)).singleElement().satisfies(x -> {
            assertThat(x.amount()).isEqualByComparingTo("0.01");
            assertThat(x.detail()).contains("已追回 1,299,999.99 元", "尚有 0.01 元未追回");
        });
        fx.as(fx.cityUser(Role.ACCOUNTANT), () -> register.recover(id, yuan("0.01"), LocalDate.of(2023, 7, 10), null,
                null));
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 7, 9)), facility)).hasSize(1);
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 7, 10)), facility)).isEmpty();
    }

    @Test
    void aWrittenOffDeductionIsNoLongerRaisedFromTheWriteOffDate() {
        Facility f = fx.facility(yuan("10000000.00"), LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31));
        long id = fx.as(fx.cityUser(Role.ACCOUNTANT), () -> register.registerDeduction(new CourtRegister.NewDeduction(
                f.code(), null, null, yuan("500000.00"), LocalDate.of(2023, 5, 1), "银行通知扣划", null)))
                .deduction().id();
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 5, 1)), f.id())).singleElement().satisfies(x -> {
            assertThat(x.detail()).startsWith("2023-05-01 法院 扣划专户").doesNotContain("案号");
            assertThat(x.refs().bankLineIds()).isEmpty();
        });
        fx.as(fx.cityUser(Role.REVIEWER), () -> register.writeOff(id, LocalDate.of(2023, 9, 30), "报批核销"));
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 9, 29)), f.id())).hasSize(1);
        assertThat(ofFacility(rule.evaluate(LocalDate.of(2023, 9, 30)), f.id())).isEmpty();
    }
}
