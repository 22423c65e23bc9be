package cn.baojiaolou.loan.apidocs;

import cn.baojiaolou.client.ApiClient;
import cn.baojiaolou.client.api.DisbursementsApi;
import cn.baojiaolou.client.api.FacilitiesApi;
import cn.baojiaolou.client.api.ProjectsApi;
import cn.baojiaolou.client.model.AllocationRequest;
import cn.baojiaolou.client.model.DecisionRequest;
import cn.baojiaolou.client.model.Disbursement;
import cn.baojiaolou.client.model.DisbursementRequest;
import cn.baojiaolou.client.model.DrawdownRequest;
import cn.baojiaolou.client.model.Milestone;
import cn.baojiaolou.client.model.MilestoneRequest;
import cn.baojiaolou.client.model.Payee;
import cn.baojiaolou.client.model.PayeeRequest;
import cn.baojiaolou.client.model.PaymentRequest;
import cn.baojiaolou.client.model.ProjectInterestSummary;
import cn.baojiaolou.client.model.ProjectRequest;
import cn.baojiaolou.client.model.VerificationRequest;
import cn.baojiaolou.loan.domain.district.District;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's view: the Java client generated at build time from docs/openapi.json (openapi-generator, native
 * library) drives the running service over HTTP — 吾悦华府 is registered, a payment requested, approved and paid, and
 * its interest read — with the numbers of the 3.6 % facility (rate / 360 = 0.0001 a 元·day).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class ApiClientTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fx;

    @Test
    void theGeneratedClientRunsAProjectFromRegistrationToInterest() throws Exception {
        District district = fx.district();
        Facility facility = fx.facility(Fixtures.FACILITY_AMOUNT, Fixtures.FACILITY_START, LocalDate.of(2027, 12, 31));
        ApiClient accountant = client(fx.user(Role.ACCOUNTANT, null));
        ApiClient reviewer = client(fx.user(Role.REVIEWER, null));

        new FacilitiesApi(accountant).drawdown(facility.code(), key(), new DrawdownRequest()
                .amount(Fixtures.FACILITY_AMOUNT).valueDate(Fixtures.FACILITY_START).voucherNo(Fixtures.code("DD")));

        ProjectsApi projects = new ProjectsApi(accountant);
        String code = Fixtures.code("WY");
        projects.createProject(new ProjectRequest().code(code).name("吾悦华府二期").district(district.code())
                .developer("永州吾悦置业有限公司").contractor("湖南建工集团").totalUnits(1260)
                .fundingGap(new BigDecimal("86000000.00")).expectedDeliveryDate(LocalDate.of(2025, 12, 31))
                .status(ProjectRequest.StatusEnum.RESUMED), null);
        Payee payee = projects.addPayee(code, new PayeeRequest().name("湖南建工集团有限公司").accountNo("43050178360800000123")
                .bankName("中国建设银行永州分行").kind(PayeeRequest.KindEnum.CONTRACTOR), null);
        projects.allocate(code, new AllocationRequest().facilityCode(facility.code())
                .amount(new BigDecimal("1000000.00")).approvalRef("永保交楼〔2023〕1号")
                .approvedOn(LocalDate.of(2023, 1, 2)), null);
        Milestone restart = projects.addMilestone(code, new MilestoneRequest().name("复工")
                .plannedDate(LocalDate.of(2023, 3, 1)).cumulativeCapPercent(new BigDecimal("20")), null);
        new ProjectsApi(reviewer).verifyMilestone(code, restart.getId(), new VerificationRequest()
                .verifiedOn(LocalDate.of(2025, 1, 5)).inspector("李工").evidenceRef("复工核验-001"), null);

        DisbursementsApi asAccountant = new DisbursementsApi(accountant);
        Disbursement requested = asAccountant.requestDisbursement(key(), new DisbursementRequest().projectCode(code)
                .facilityCode(facility.code()).payeeId(payee.getId()).milestoneId(restart.getId())
                .amount(new BigDecimal("200000.00")).purpose("工程款"));
        assertThat(requested.getStatus()).isEqualTo(Disbursement.StatusEnum.REQUESTED);
        new DisbursementsApi(reviewer).approveDisbursement(requested.getId(), null, new DecisionRequest().note("同意"));
        String paymentKey = key();
        PaymentRequest payment = new PaymentRequest().paidOn(LocalDate.of(2025, 1, 10)).voucherNo(Fixtures.code("FK"));
        Disbursement paid = asAccountant.payDisbursement(requested.getId(), paymentKey, payment);
        assertThat(paid.getStatus()).isEqualTo(Disbursement.StatusEnum.PAID);
        // amounts travel as decimal strings (format: decimal): the client reads them into BigDecimal, no double between
        assertThat(paid.getAmount()).isEqualByComparingTo("200000.00");
        assertThat(paid.getPaidAt().getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
        // the client's retry with the same key is answered from the first payment, nothing posted twice
        assertThat(asAccountant.payDisbursement(requested.getId(), paymentKey, payment).getId()).isEqualTo(paid.getId());

        // 2025-01-10 … 03-19 = 69 days × 200,000.00 = 13,800,000.00 元·days → 1,380.00 accrued, nothing settled yet
        ProjectInterestSummary interest = projects.projectInterest(code, LocalDate.of(2025, 3, 19));
        assertThat(interest.getPrincipal()).isEqualByComparingTo("200000.00");
        assertThat(interest.getBalanceDays()).isEqualByComparingTo("13800000.00");
        assertThat(interest.getAccrued()).isEqualByComparingTo("1380.00");
        assertThat(interest.getInterestDue()).isEqualByComparingTo("0");
    }

    private ApiClient client(LoanUser user) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
