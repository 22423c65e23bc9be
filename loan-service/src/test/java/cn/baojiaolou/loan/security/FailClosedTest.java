package cn.baojiaolou.loan.security;

import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.project.ProjectAccess;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.report.ReportService;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.user.SystemPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No user means no access, whatever the way in: the services carry method security of their own (beside the URL
 * rules), nobody is never read as the whole city, and a role that the URL rules would stop is stopped at the service
 * too. The nightly jobs' system principal is a principal like any other.
 */
@DatabaseTest
class FailClosedTest {

    @Autowired
    Fixtures fx;
    @Autowired
    FacilityService facilities;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectAccess access;
    @Autowired
    DisbursementService disbursements;
    @Autowired
    DistrictService districts;
    @Autowired
    ReportService reports;

    Fixtures.Ready ready;

    @BeforeEach
    void setUp() {
        ready = fx.ready(new BigDecimal("1000000.00"));
        SecurityContextHolder.clearContext();
    }

    @Test
    void withNobodySignedInEveryServiceRefuses() {
        long districtsBefore = fx.count("district");
        assertThatThrownBy(() -> facilities.all()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> projects.get(ready.code()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> projects.search(null, null, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> access.require(ready.code()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> disbursements.search(null, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> districts.create("X-" + Fixtures.code("D"), "无人区"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        // and nothing was written on the way
        assertThat(fx.count("district")).isEqualTo(districtsBefore);
    }

    @Test
    void nobodyIsNeverTheWholeCity() {
        assertThat(CurrentUser.get()).isNull();
        assertThat(CurrentUser.canSeeDistrict(ready.district().id())).isFalse();
        assertThatThrownBy(CurrentUser::require).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aRoleTheServiceDoesNotAllowIsRefusedThereEvenWithoutTheUrlRules() {
        long before = fx.count("ledger_entry");
        assertThatThrownBy(() -> fx.as(fx.cityUser(Role.AUDITOR), () -> facilities.drawdown(ready.facilityCode(),
                new BigDecimal("1.00"), LocalDate.of(2023, 6, 1), Fixtures.code("V"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(fx.cityUser(Role.ADMIN), () -> disbursements.request(ready.code(),
                ready.payee().id(), ready.restart().id(), "工程款", new BigDecimal("1.00"), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(fx.cityUser(Role.ACCOUNTANT), () -> projects.verify(ready.code(),
                ready.restart().id(), LocalDate.of(2023, 3, 1), "监理", "JL-1", null)))
                .isInstanceOf(AccessDeniedException.class);
        // the nightly print's context is the system principal's alone
        assertThatThrownBy(() -> fx.as(fx.cityUser(Role.AUDITOR), () -> reports.nightlyContext(
                cn.baojiaolou.reports.ReportKind.SUMMARY, LocalDate.of(2023, 6, 1), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void theSystemPrincipalIsNamedAndHasCityScope() throws Exception {
        assertThat(SystemPrincipal.call(() -> facilities.all())).isNotEmpty();
        assertThat(SystemPrincipal.call(CurrentUser::username)).isEqualTo("system");
        assertThat(SystemPrincipal.call(() -> CurrentUser.canSeeDistrict(ready.district().id()))).isTrue();
        // and it is gone again afterwards
        assertThat(CurrentUser.get()).isNull();
    }
}
