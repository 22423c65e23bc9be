package cn.baojiaolou.loan.repayment;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.common.Code;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/projects/{code}/repayments")
class ProjectRepaymentController {

    private final ProjectRepaymentService service;

    ProjectRepaymentController(ProjectRepaymentService service) {
        this.service = service;
    }

    record RepaymentRequest(@NotNull @Amount BigDecimal amount, @NotNull LocalDate valueDate,
                            @NotBlank @Code String voucherNo) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectRepaymentService.Repayment repay(@PathVariable String code, @Valid @RequestBody RepaymentRequest r) {
        return service.repay(code, r.amount(), r.valueDate(), r.voucherNo());
    }

    /** The split a repayment would get, before confirming it. */
    @GetMapping("/preview")
    ProjectRepaymentService.Repayment preview(@PathVariable String code, @RequestParam @Amount BigDecimal amount,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                              LocalDate valueDate) {
        return service.preview(code, amount, valueDate);
    }
}
