package cn.baojiaolou.loan.court;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import cn.baojiaolou.loan.domain.court.CourtFreeze;
import cn.baojiaolou.reports.RenderedPdf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The register of court actions on the 专户: freezes, deductions, recoveries, write-offs, and the letter drafts
 * (roles in SecurityConfig: accountants register, reviewers write off, the readers of reports read letters).
 */
@RestController
@RequestMapping("/api/v1/court-actions")
class CourtController {

    private final CourtRegister register;
    private final CourtLetters letters;

    CourtController(CourtRegister register, CourtLetters letters) {
        this.register = register;
        this.letters = letters;
    }

    record FreezeRequest(@NotBlank @Code String facilityCode, @NotBlank @Size(max = 128) @SafeText String court,
                         @NotBlank @Size(max = 64) @SafeText String caseNo, @NotNull @Amount BigDecimal amount,
                         @NotNull LocalDate frozenOn, @Size(max = 500) @SafeText String note,
                         @Positive Long bankLineId) {
    }

    record ReleaseRequest(@NotNull LocalDate releasedOn, @NotBlank @Size(max = 128) @SafeText String releaseRef) {
    }

    record DeductionRequest(@NotBlank @Code String facilityCode, @Size(max = 128) @SafeText String court,
                            @Size(max = 64) @SafeText String caseNo, @NotNull @Amount BigDecimal amount,
                            @NotNull LocalDate deductedOn, @Size(max = 500) @SafeText String note,
                            @Positive Long bankLineId) {
    }

    record ParticularsRequest(@NotBlank @Size(max = 128) @SafeText String court,
                              @NotBlank @Size(max = 64) @SafeText String caseNo) {
    }

    record RecoveryRequest(@NotNull @Amount BigDecimal amount, @NotNull LocalDate recoveredOn,
                           @Positive Long bankLineId, @Size(max = 500) @SafeText String note) {
    }

    record WriteOffRequest(@NotNull LocalDate writtenOffOn, @NotBlank @Size(max = 500) @SafeText String note) {
    }

    /** The register: freezes, deductions with their recoveries, flagged statement lines; holds of one 专户. */
    @GetMapping
    CourtRegister.Register register(@RequestParam(required = false) String facility) {
        return register.register(facility);
    }

    @PostMapping("/freezes")
    @ResponseStatus(HttpStatus.CREATED)
    CourtFreeze freeze(@Valid @RequestBody FreezeRequest r) {
        return register.registerFreeze(new CourtRegister.NewFreeze(r.facilityCode(), r.court(), r.caseNo(),
                r.amount(), r.frozenOn(), r.note(), r.bankLineId()));
    }

    @PostMapping("/freezes/{id}/release")
    CourtFreeze release(@PathVariable long id, @Valid @RequestBody ReleaseRequest r) {
        return register.release(id, r.releasedOn(), r.releaseRef());
    }

    @PostMapping("/deductions")
    @ResponseStatus(HttpStatus.CREATED)
    CourtRegister.DeductionView deduction(@Valid @RequestBody DeductionRequest r) {
        return register.registerDeduction(new CourtRegister.NewDeduction(r.facilityCode(), r.court(), r.caseNo(),
                r.amount(), r.deductedOn(), r.note(), r.bankLineId()));
    }

    @GetMapping("/deductions/{id}")
    CourtRegister.DeductionView deduction(@PathVariable long id) {
        return register.deduction(id);
    }

    @PostMapping("/deductions/{id}/particulars")
    CourtRegister.DeductionView particulars(@PathVariable long id, @Valid @RequestBody ParticularsRequest r) {
        return register.particulars(id, r.court(), r.caseNo());
    }

    @PostMapping("/deductions/{id}/recoveries")
    @ResponseStatus(HttpStatus.CREATED)
    CourtRegister.DeductionView recover(@PathVariable long id, @Valid @RequestBody RecoveryRequest r) {
        return register.recover(id, r.amount(), r.recoveredOn(), r.bankLineId(), r.note());
    }

    @PostMapping("/deductions/{id}/write-off")
    CourtRegister.DeductionView writeOff(@PathVariable long id, @Valid @RequestBody WriteOffRequest r) {
        return register.writeOff(id, r.writtenOffOn(), r.note());
    }

    @GetMapping("/deductions/{id}/letter.pdf")
    ResponseEntity<byte[]> deductionLetter(@PathVariable long id) {
        return pdf(letters.deductionLetter(id), "司法扣划函-" + id + ".pdf");
    }

    @GetMapping("/freezes/{id}/letter.pdf")
    ResponseEntity<byte[]> freezeLetter(@PathVariable long id) {
        return pdf(letters.freezeLetter(id), "司法冻结函-" + id + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(RenderedPdf pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", pdf.sha256())
                .body(pdf.bytes());
    }
}
