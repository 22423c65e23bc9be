package cn.baojiaolou.loan.facility;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.ledger.LedgerEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/facilities")
class FacilityController {

    private final FacilityService service;
    private final FacilityTermService termChanges;

    FacilityController(FacilityService service, FacilityTermService termChanges) {
        this.service = service;
        this.termChanges = termChanges;
    }

    record TermChangeRequest(@NotNull TermChange.Kind kind, @NotNull LocalDate effectiveOn, LocalDate newMaturityDate,
                             @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.2") BigDecimal newAnnualRate,
                             @NotBlank @Size(max = 128) @SafeText String approvalRef) {
    }

    record TermDecisionRequest(@Size(max = 500) @SafeText String note) {
    }

    record TermRejectionRequest(@NotBlank @Size(max = 500) @SafeText String reason) {
    }

    /** 展期 or a new rate, asked for by a city accountant; in force only once a reviewer approves it. */
    @PostMapping("/{code}/term-changes")
    @ResponseStatus(HttpStatus.CREATED)
    TermChange requestTermChange(@PathVariable String code, @Valid @RequestBody TermChangeRequest r) {
        return termChanges.request(code, r.kind(), r.effectiveOn(), r.newMaturityDate(), r.newAnnualRate(),
                r.approvalRef());
    }

    @GetMapping("/{code}/term-changes")
    List<TermChange> termChanges(@PathVariable String code) {
        return termChanges.history(code);
    }

    @PostMapping("/{code}/term-changes/{id}/approval")
    TermChange approveTermChange(@PathVariable String code, @PathVariable long id,
                                 @Valid @RequestBody(required = false) TermDecisionRequest r) {
        return termChanges.approve(code, id, r == null ? null : r.note());
    }

    @PostMapping("/{code}/term-changes/{id}/rejection")
    TermChange rejectTermChange(@PathVariable String code, @PathVariable long id,
                                @Valid @RequestBody TermRejectionRequest r) {
        return termChanges.reject(code, id, r.reason());
    }

    record FacilityRequest(@NotBlank @Code @Pattern(regexp = "[^/]*") String code,
                           @NotBlank @Size(max = 128) @SafeText String name,
                           @NotBlank @Size(max = 128) @SafeText String lender,
                           @NotBlank @Size(max = 128) @SafeText String borrower,
                           @Size(max = 40) @SafeText String accountNo,
                           @NotNull @Amount BigDecimal amount,
                           @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.24") BigDecimal annualRate,
                           @NotNull LocalDate startDate,
                           @NotNull LocalDate maturityDate,
                           @DecimalMin("0") @DecimalMax("5") BigDecimal penaltyMarkup) {
    }

    record DrawdownRequest(@NotNull @Amount BigDecimal amount, @NotNull LocalDate valueDate,
                           @NotBlank @Code String voucherNo) {
    }

    record CentralRepaymentRequest(@Amount BigDecimal principal, @Amount BigDecimal interest,
                                   @NotNull LocalDate valueDate, @NotBlank @Code String voucherNo) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FacilityService.FacilityView create(@Valid @RequestBody FacilityRequest r) {
        return service.create(new FacilityService.NewFacility(r.code(), r.name(), r.lender(), r.borrower(),
                r.accountNo(), r.amount(), r.annualRate(), r.startDate(), r.maturityDate(), r.penaltyMarkup()));
    }

    @GetMapping
    List<FacilityService.FacilityView> list() {
        return service.all();
    }

    @GetMapping("/{code}")
    FacilityService.FacilityView get(@PathVariable String code) {
        return service.get(code);
    }

    @PostMapping("/{code}/drawdowns")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerEntry drawdown(@PathVariable String code, @Valid @RequestBody DrawdownRequest r) {
        return service.drawdown(code, r.amount(), r.valueDate(), r.voucherNo());
    }

    @PostMapping("/{code}/repayments")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerEntry centralRepayment(@PathVariable String code, @Valid @RequestBody CentralRepaymentRequest r) {
        return service.centralRepayment(code, r.principal(), r.interest(), r.valueDate(), r.voucherNo());
    }
}
