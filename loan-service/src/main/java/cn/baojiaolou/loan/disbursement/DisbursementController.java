package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/disbursements")
class DisbursementController {

    private final DisbursementService service;

    DisbursementController(DisbursementService service) {
        this.service = service;
    }

    record DisbursementRequest(@NotBlank @Code String projectCode, @NotNull @Positive Long payeeId,
                               @NotNull @Positive Long milestoneId, @NotBlank @Size(max = 16) @SafeText String purpose,
                               @NotNull @Amount BigDecimal amount, @Code String facilityCode) {
    }

    record DecisionRequest(@Size(max = 500) @SafeText String note) {
    }

    record RejectionRequest(@NotBlank @Size(max = 500) @SafeText String reason) {
    }

    record PaymentRequest(@NotNull LocalDate paidOn, @NotBlank @Code String voucherNo) {
    }

    record ReversalRequest(@NotBlank @Size(max = 500) @SafeText String reason, @NotNull LocalDate reversedOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Disbursement request(@Valid @RequestBody DisbursementRequest r) {
        return service.request(r.projectCode(), r.payeeId(), r.milestoneId(), r.purpose(), r.amount(),
                r.facilityCode());
    }

    @GetMapping
    List<Disbursement> search(@RequestParam(required = false) String project,
                              @RequestParam(required = false) DisbursementStatus status) {
        return service.search(project, status);
    }

    @GetMapping("/{id}")
    Disbursement get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping("/{id}/approval")
    Disbursement approve(@PathVariable long id, @Valid @RequestBody(required = false) DecisionRequest r) {
        return service.approve(id, r == null ? null : r.note());
    }

    @PostMapping("/{id}/rejection")
    Disbursement reject(@PathVariable long id, @Valid @RequestBody RejectionRequest r) {
        return service.reject(id, r.reason());
    }

    @PostMapping("/{id}/payment")
    Disbursement pay(@PathVariable long id, @Valid @RequestBody PaymentRequest r) {
        return service.pay(id, r.paidOn(), r.voucherNo());
    }

    @PostMapping("/{id}/reversal")
    Disbursement reverse(@PathVariable long id, @Valid @RequestBody ReversalRequest r) {
        return service.reverse(id, r.reason(), r.reversedOn());
    }
}
