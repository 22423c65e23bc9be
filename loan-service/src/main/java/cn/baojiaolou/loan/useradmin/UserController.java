package cn.baojiaolou.loan.useradmin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.baojiaolou.loan.common.SafeText;
import cn.baojiaolou.loan.user.Role;

/** /api/v1/users for admins; /api/v1/me/password for everyone with a password. */
@RestController
@Validated
class UserController {

    private final UserAdminService service;

    UserController(UserAdminService service) {
        this.service = service;
    }

    /** A login: letters, digits, '.', '_' and '-', starting with a letter. */
    static final String LOGIN = "[A-Za-z][A-Za-z0-9._-]{2,63}";

    record NewUser(@NotBlank @Pattern(regexp = LOGIN) String username,
                   @NotBlank @Size(max = 64) @SafeText String displayName, @NotNull Role role,
                   @Size(max = 64) @SafeText String district) {
    }

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
                          @NotNull @Size(max = 200) String newPassword) {
    }

    @GetMapping("/api/v1/users")
    List<UserAccountMapper.UserAccount> list() {
        return service.list();
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserAdminService.Created create(@Valid @RequestBody NewUser u) {
        return service.create(u.username(), u.displayName().strip(), u.role(), u.district());
    }

    @PostMapping("/api/v1/users/{username}/disable")
    UserAccountMapper.UserAccount disable(@PathVariable @Pattern(regexp = LOGIN) String username) {
        return service.setEnabled(username, false);
    }

    @PostMapping("/api/v1/users/{username}/enable")
    UserAccountMapper.UserAccount enable(@PathVariable @Pattern(regexp = LOGIN) String username) {
        return service.setEnabled(username, true);
    }

    @PostMapping("/api/v1/users/{username}/password-reset")
    UserAdminService.Created reset(@PathVariable @Pattern(regexp = LOGIN) String username) {
        return service.resetPassword(username);
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwn(@Valid @RequestBody PasswordChange change) {
        service.changeOwnPassword(change.currentPassword(), change.newPassword());
    }
}
