package cn.baojiaolou.loan.project;

import cn.baojiaolou.loan.domain.project.Allocation;
import cn.baojiaolou.loan.domain.project.Payee;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.domain.project.StatusChange;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.ledger.ProjectLedger;
import cn.baojiaolou.loan.domain.milestone.Milestone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

    private final ProjectService service;
    private final ProjectAccess access;
    private final ProjectInterest interest;
    private final ProjectLedger ledger;
    private final BusinessClock clock;
    private final ProjectLifeCycleService lifeCycle;

    ProjectController(ProjectService service, ProjectAccess access, ProjectInterest interest, ProjectLedger ledger,
                      BusinessClock clock, ProjectLifeCycleService lifeCycle) {
        this.service = service;
        this.lifeCycle = lifeCycle;
        this.access = access;
        this.interest = interest;
        this.ledger = ledger;
        this.clock = clock;
    }

    record ProjectRequest(@NotBlank @Code @Pattern(regexp = "[^/]*") String code,
                          @NotBlank @Size(max = 128) @SafeText String name,
                          @NotBlank @Size(max = 64) @SafeText String district,
                          @NotBlank @Size(max = 128) @SafeText String developer,
                          @Size(max = 40) @SafeText String developerAccountNo,
                          @Size(max = 128) @SafeText String contractor,
                          @NotNull @Min(1) @Max(100000) Integer totalUnits,
                          @PositiveOrZero @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2) BigDecimal fundingGap,
                          LocalDate expectedDeliveryDate,
                          ProjectStatus status,
                          @Size(max = 4000) @SafeText String planText,
                          @Size(max = 64) @SafeText String responsibleOfficial,
                          @Size(max = 255) @SafeText String taskForce) {
    }

    record FactsRequest(@NotBlank @Size(max = 128) @SafeText String name,
                        @NotBlank @Size(max = 128) @SafeText String developer,
                        @Size(max = 40) @SafeText String developerAccountNo,
                        @Size(max = 128) @SafeText String contractor,
                        @NotNull @Min(1) @Max(100000) Integer totalUnits,
                        @PositiveOrZero @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2) BigDecimal fundingGap,
                        LocalDate expectedDeliveryDate,
                        @Size(max = 4000) @SafeText String planText,
                        @Size(max = 64) @SafeText String responsibleOfficial,
                        @Size(max = 255) @SafeText String taskForce) {
    }

    record StatusRequest(@NotNull ProjectStatus status, @NotNull LocalDate effectiveOn,
                         @NotBlank @Size(max = 128) @SafeText String documentRef,
                         @Size(max = 500) @SafeText String note) {
    }

    record PayeeRequest(@NotBlank @Size(max = 128) @SafeText String name,
                        @NotBlank @Size(max = 40) @SafeText String accountNo,
                        @NotBlank @Size(max = 128) @SafeText String bankName,
                        @NotNull PayeeKind kind) {
    }

    record AllocationRequest(@NotBlank @Code String facilityCode, @NotNull @Amount BigDecimal amount,
                             @NotBlank @Size(max = 64) @SafeText String approvalRef, @NotNull LocalDate approvedOn) {
    }

    record MilestoneRequest(@NotBlank @Size(max = 64) @SafeText String name, @NotNull LocalDate plannedDate,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                            BigDecimal cumulativeCapPercent) {
    }

    record VerificationRequest(@NotNull LocalDate verifiedOn, @NotBlank @Size(max = 64) @SafeText String inspector,
                               @NotBlank @Size(max = 128) @SafeText String evidenceRef,
                               @Min(0) @Max(100000) Integer unitsDelivered) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectService.ProjectView create(@Valid @RequestBody ProjectRequest r) {
        return service.create(new ProjectService.NewProject(r.code(), r.name(), r.district(), r.developer(),
                r.developerAccountNo(), r.contractor(), r.totalUnits(), r.fundingGap(), r.expectedDeliveryDate(),
                r.status(), r.planText(), r.responsibleOfficial(), r.taskForce()));
    }

    @PutMapping("/{code}")
    ProjectService.ProjectView editFacts(@PathVariable String code, @Valid @RequestBody FactsRequest r) {
        return service.editFacts(code, new ProjectService.ProjectFacts(r.name(), r.developer(), r.developerAccountNo(),
                r.contractor(), r.totalUnits(), r.fundingGap() == null ? cn.baojiaolou.loan.domain.Money.ZERO
                : r.fundingGap(), r.expectedDeliveryDate(), r.planText(), r.responsibleOfficial(), r.taskForce()));
    }

    /** 停工 → 复工 → 竣工 → 交付 → 销号, one step at a time; 销号 lists what blocks it. */
    @PostMapping("/{code}/status")
    @ResponseStatus(HttpStatus.CREATED)
    StatusChange changeStatus(@PathVariable String code, @Valid @RequestBody StatusRequest r) {
        return lifeCycle.change(code, r.status(), r.effectiveOn(), r.documentRef(), r.note());
    }

    @GetMapping("/{code}/status-history")
    List<StatusChange> statusHistory(@PathVariable String code) {
        return lifeCycle.history(code);
    }

    @GetMapping
    List<Project> search(@RequestParam(required = false) String district,
                         @RequestParam(required = false) ProjectStatus status,
                         @RequestParam(required = false) String q) {
        return service.search(district, status, q);
    }

    @GetMapping("/{code}")
    ProjectService.ProjectView get(@PathVariable String code) {
        return service.get(code);
    }

    @PostMapping("/{code}/payees")
    @ResponseStatus(HttpStatus.CREATED)
    Payee addPayee(@PathVariable String code, @Valid @RequestBody PayeeRequest r) {
        return service.addPayee(code, r.name(), r.accountNo(), r.bankName(), r.kind());
    }

    @PostMapping("/{code}/allocations")
    @ResponseStatus(HttpStatus.CREATED)
    Allocation allocate(@PathVariable String code, @Valid @RequestBody AllocationRequest r) {
        return service.allocate(code, r.facilityCode(), r.amount(), r.approvalRef(), r.approvedOn());
    }

    @PostMapping("/{code}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    Milestone addMilestone(@PathVariable String code, @Valid @RequestBody MilestoneRequest r) {
        return service.addMilestone(code, r.name(), r.plannedDate(), r.cumulativeCapPercent());
    }

    @PostMapping("/{code}/milestones/{id}/verification")
    @ResponseStatus(HttpStatus.CREATED)
    Milestone verify(@PathVariable String code, @PathVariable long id, @Valid @RequestBody VerificationRequest r) {
        return service.verify(code, id, r.verifiedOn(), r.inspector(), r.evidenceRef(), r.unitsDelivered());
    }

    /** 积数, accrued, settled, due and penalty at the end of asOf (default today, Asia/Shanghai). */
    @GetMapping("/{code}/interest")
    ProjectInterest.Summary interest(@PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf) {
        Project p = access.require(code);
        return interest.asOf(p.id(), asOf == null ? clock.today() : asOf);
    }

    @GetMapping("/{code}/ledger")
    List<ProjectLedger.Line> ledger(@PathVariable String code) {
        return ledger.lines(access.require(code).id());
    }
}
