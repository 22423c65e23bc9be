package cn.baojiaolou.loan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.baojiaolou.loan.domain.milestone.Milestone;
import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.reports.ArchivePackage;
import cn.baojiaolou.reports.ReportNumbers;

/** The month's archive package over the API: the signed PDFs of the month, verified offline. */
@DatabaseTest
class ArchivePackageDownloadTest {

    @Autowired
    Fixtures fx;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMonthsPackageHoldsTheArchivedPdfsAndVerifiesOffline() throws Exception {
        Fixtures.Ready here = fx.ready(new BigDecimal("1000000.00"));
        Milestone resumed = fx.verify(here.code(), here.milestones().get(0), LocalDate.of(2023, 3, 5));
        fx.paid(here.code(), here.payee(), resumed, new BigDecimal("150000.00"), LocalDate.of(2023, 3, 10));
        LoanUser auditor = fx.user(Role.AUDITOR, here.district().id());
        byte[] pdf = api.mvc().perform(get("/api/v1/reports/monthly-ledger.pdf?project=" + here.code()
                        + "&businessDate=2023-03-31").with(httpBasic(auditor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        LoanUser city = fx.user(Role.AUDITOR, null);
        byte[] zip = api.mvc().perform(get("/api/v1/reports/archive/package?month=2023-03")
                        .with(httpBasic(city.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ArchivePackage.Verification v = ArchivePackage.verify(new ByteArrayInputStream(zip));

        assertThat(v.problems()).isEmpty();
        long march = jdbc.queryForObject("SELECT COUNT(*) FROM report_archive "
                + "WHERE business_date BETWEEN '2023-03-01' AND '2023-03-31'", Long.class);
        assertThat(v.files()).isEqualTo(march).isPositive();
        assertThat(new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(ReportNumbers.sha256Hex(pdf).substring(0, 12));
        Map<String, Object> head = jdbc.queryForList("SELECT hash FROM audit_event WHERE occurred_at < "
                + "'2023-03-31 16:00:00' ORDER BY id DESC LIMIT 1").stream().findFirst().orElse(null);
        assertThat(v.chainHeadHash()).isEqualTo(head == null ? "0".repeat(64) : head.get("hash"));

        // a district user cannot take the city's package; a bad month is refused
        api.mvc().perform(get("/api/v1/reports/archive/package?month=2023-03")
                .with(httpBasic(auditor.username(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
        api.mvc().perform(get("/api/v1/reports/archive/package?month=2023-3")
                .with(httpBasic(city.username(), Fixtures.PASSWORD))).andExpect(status().isBadRequest());
    }
}
