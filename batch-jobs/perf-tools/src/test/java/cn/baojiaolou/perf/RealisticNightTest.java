package cn.baojiaolou.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.common.BusinessClock;

/**
 * The realistic night at a tiny scale: after the first close, each night's activity is loaded and the close of that
 * night takes it in: its rows matched to their statement lines by voucher, its verifications, its requests waiting
 * for review.
 */
@PerfDatabaseTest
class RealisticNightTest {

    @Autowired
    NationalScaleGenerator generator;
    @Autowired
    NightlyCloseBenchmark benchmark;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BusinessClock clock;

    @Test
    void eachNightTakesInTheDaysNewRows() throws Exception {
        LocalDate today = clock.today();
        generator.generate(0.0005, today.minusDays(2));
        LocalDate closed = today.minusDays(3);
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM business_day WHERE business_date = ?",
                Boolean.class, closed))) {
            assertThat(benchmark.run(closed, 0, false)).isNotNull();
        }
        long requestsBefore = count("SELECT COUNT(*) FROM disbursement WHERE status = 'REQUESTED'");

        List<NightlyCloseBenchmark.Night> nights = benchmark.nights(today.minusDays(2), 2, 40, 0);

        assertThat(nights).hasSize(2).allMatch(NightlyCloseBenchmark.Night::success);
        for (NightlyCloseBenchmark.Night n : nights) {
            LocalDate d = n.businessDate();
            assertThat(n.ledgerRows()).isEqualTo(40);
            String ofDay = " WHERE voucher_no LIKE CONCAT('GV-%-', DATE_FORMAT(?, '%Y%m%d'), '-%')";
            // 40 rows: i % 4 == 3 repayments (10), i % 20 == 0 drawdowns (2), the rest payments (28)
            assertThat(count("SELECT COUNT(*) FROM ledger_entry" + ofDay, d)).isEqualTo(40);
            assertThat(count("SELECT COUNT(*) FROM ledger_entry" + ofDay + " AND entry_type = 'PAYMENT'", d))
                    .isEqualTo(28);
            assertThat(count("SELECT COUNT(*) FROM ledger_entry" + ofDay + " AND entry_type = 'PROJECT_REPAYMENT'", d))
                    .isEqualTo(10);
            // a line with the voucher for each row but the two fuzzy ones (i = 7, 58 → only 7 below 40) and the
            // court deduction (i = 14): all matched by the close of that night
            long voucherLines = count("SELECT COUNT(*) FROM bank_statement_line" + ofDay, d);
            assertThat(voucherLines).isEqualTo(38);
            assertThat(count("SELECT COUNT(*) FROM bank_match bm JOIN bank_statement_line l ON l.id = bm.bank_line_id"
                    + " WHERE l.voucher_no LIKE CONCAT('GV-%-', DATE_FORMAT(?, '%Y%m%d'), '-%')", d))
                    .isEqualTo(voucherLines);
            assertThat(count("SELECT COUNT(*) FROM milestone_verification WHERE verified_on = ? "
                    + "AND evidence_ref LIKE 'JL-DAY-%'", d)).isEqualTo(4);
        }
        assertThat(count("SELECT COUNT(*) FROM disbursement WHERE status = 'REQUESTED'")).isEqualTo(requestsBefore + 8);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
