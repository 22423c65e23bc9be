package cn.baojiaolou.loan.token;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.baojiaolou.loan.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** API tokens: one's own under /me/tokens; a system client's (admins only) under /service-accounts/{username}/tokens. */
@RestController
@Validated
class ApiTokenController {

    private final ApiTokenService service;

    ApiTokenController(ApiTokenService service) {
        this.service = service;
    }

    record TokenRequest(@NotBlank @Size(max = 64) @SafeText String name, @NotNull LocalDate expiresOn) {
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.Issued create(@Valid @RequestBody TokenRequest request) {
        return service.createForMe(request.name().strip(), request.expiresOn());
    }

    @GetMapping("/api/v1/me/tokens")
    List<ApiToken> mine() {
        return service.mine();
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        service.revokeMine(id);
    }

    @PostMapping("/api/v1/service-accounts/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.Issued createForServiceAccount(@PathVariable @Size(max = 64) String username,
                                                   @Valid @RequestBody TokenRequest request) {
        return service.createForServiceAccount(username, request.name().strip(), request.expiresOn());
    }

    @GetMapping("/api/v1/service-accounts/{username}/tokens")
    List<ApiToken> ofServiceAccount(@PathVariable @Size(max = 64) String username) {
        return service.ofServiceAccount(username);
    }

    @DeleteMapping("/api/v1/service-accounts/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeOfServiceAccount(@PathVariable @Size(max = 64) String username, @PathVariable long id) {
        service.revokeOfServiceAccount(username, id);
    }
}
