package cn.baojiaolou.perf;



import cn.baojiaolou.loan.common.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's generator at a tiny scale (5 projects): it writes the rows it promises, with codes of its own
 * (GEN-tag-…), value dates before today and each project's rows in value-date order. Other tests filter by their
 * own ids, so these rows stay out of their way.
 */
@PerfDatabaseTest
class NationalScaleGeneratorTest {

    @Autowired
    NationalScaleGenerator generator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BusinessClock clock;

    @Test
    void writesThePromisedRowsAtATinyScale() throws Exception {
        NationalScaleGenerator.Result r = generator.generate(0.0005, null);
        String prefix = "GEN-" + r.tag() + "-%";
        int projects = 5;
        int rows = projects * NationalScaleGenerator.LEDGER_ROWS_PER_PROJECT;
        assertThat(r.projects()).isEqualTo(projects);

        assertThat(count("SELECT COUNT(*) FROM district WHERE code LIKE ?", prefix)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM facility WHERE code LIKE ?", prefix)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM project WHERE code LIKE ?", prefix)).isEqualTo(projects);
        String ofProjects = " IN (SELECT id FROM project WHERE code LIKE ?)";
        String ofFacilities = " IN (SELECT id FROM facility WHERE code LIKE ?)";
        assertThat(count("SELECT COUNT(*) FROM allocation WHERE project_id" + ofProjects, prefix)).isEqualTo(projects);
        assertThat(count("SELECT COUNT(*) FROM payee WHERE project_id" + ofProjects, prefix)).isEqualTo(projects * 3);
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id" + ofProjects, prefix))
                .isEqualTo(projects * NationalScaleGenerator.MILESTONES_PER_PROJECT);
        long verified = count("SELECT COUNT(*) FROM milestone_verification v JOIN milestone m ON m.id = v.milestone_id "
                + "WHERE m.project_id" + ofProjects, prefix);
        assertThat(verified).isEqualTo(r.verifications()).isGreaterThan(projects * 50L);

        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE facility_id" + ofFacilities, prefix)).isEqualTo(rows);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'PAYMENT' AND disbursement_id IS NOT NULL "
                + "AND facility_id" + ofFacilities, prefix)).isEqualTo(rows * 7 / 10);
        assertThat(count("SELECT COUNT(*) FROM disbursement WHERE status = 'PAID' AND project_id" + ofProjects, prefix))
                .isEqualTo(rows * 7 / 10);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'PROJECT_REPAYMENT' "
                + "AND repayment_id IS NOT NULL AND facility_id" + ofFacilities, prefix)).isEqualTo(rows / 4);
        assertThat(count("SELECT COUNT(*) FROM project_repayment WHERE project_id" + ofProjects, prefix))
                .isEqualTo(rows / 4);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE entry_type = 'DRAWDOWN' AND project_id IS NULL "
                + "AND facility_id" + ofFacilities, prefix)).isEqualTo(rows / 20);

        assertThat(count("SELECT COUNT(*) FROM bank_statement_import WHERE facility_id" + ofFacilities, prefix))
                .isEqualTo(projects);
        assertThat(count("SELECT COUNT(*) FROM bank_statement_line WHERE facility_id" + ofFacilities, prefix))
                .isEqualTo(rows);
        // most lines carry the voucher of their ledger row; 2 in 100 only amount and date; 1 in 1000 is unexplained
        assertThat(count("SELECT COUNT(*) FROM bank_statement_line l JOIN ledger_entry e ON e.facility_id = "
                + "l.facility_id AND e.voucher_no = l.voucher_no AND e.amount = l.amount WHERE l.facility_id"
                + ofFacilities, prefix)).isEqualTo(rows - rows / 50 - rows / 1000);
        assertThat(count("SELECT COUNT(*) FROM bank_statement_line WHERE voucher_no IS NULL AND direction = 'DEBIT' "
                + "AND memo = '司法扣划' AND facility_id" + ofFacilities, prefix)).isEqualTo(rows / 1000);

        LocalDate last = jdbc.queryForObject("SELECT MAX(value_date) FROM ledger_entry WHERE facility_id" + ofFacilities,
                LocalDate.class, prefix);
        assertThat(last).isBefore(clock.today()).isEqualTo(r.through());
        assertThat(count("SELECT COUNT(*) FROM bank_statement_line WHERE value_date > ? AND facility_id" + ofFacilities,
                r.through(), prefix)).isZero();
        // each project's rows (and so its payments) are in value-date order
        assertThat(count("SELECT COUNT(*) FROM ledger_entry a JOIN ledger_entry b ON b.project_id = a.project_id "
                + "AND b.id > a.id AND b.value_date < a.value_date WHERE a.project_id" + ofProjects, prefix)).isZero();
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
