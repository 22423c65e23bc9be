package cn.baojiaolou.loan.reconciliation;

import cn.baojiaolou.loan.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/exceptions")
class ReconExceptionController {

    private final ReconExceptionService service;

    ReconExceptionController(ReconExceptionService service) {
        this.service = service;
    }

    record ResolutionRequest(@NotBlank String status, @NotBlank @Size(max = 500) @SafeText String note) {
    }

    @GetMapping
    List<ReconException> search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate businessDate,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String rule,
                                @RequestParam(required = false) String district,
                                @RequestParam(required = false) String project) {
        return service.search(businessDate, status, rule, district, project);
    }

    /** A reviewer marks an open exception RESOLVED or WAIVED, with a note; audited. */
    @PostMapping("/{id}/resolution")
    ReconException resolve(@PathVariable long id, @Valid @RequestBody ResolutionRequest r) {
        return service.resolve(id, r.status(), r.note());
    }
}
