package cn.baojiaolou.loan.useradmin;

import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.PasswordPolicy;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.Role;
import cn.baojiaolou.loan.web.PageErrors;

/**
 * 用户管理 (admins): the users with role, scope and state; create one, disable or enable, reset a password. The one-time
 * password is shown once, on the page that follows. 修改密码 (everyone): the page a one-time password leads to.
 */
@Controller
class UserPages {

    private final UserAdminService users;
    private final DistrictService districts;
    private final PageErrors errors;

    UserPages(UserAdminService users, DistrictService districts, PageErrors errors) {
        this.users = users;
        this.districts = districts;
        this.errors = errors;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("districts", districts.all());
        model.addAttribute("roles", Role.PEOPLE);
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String district,
                  Locale locale, RedirectAttributes redirect) {
        try {
            String login = username == null ? "" : username.strip();
            if (!login.matches(UserController.LOGIN)) {
                throw Refusal.invalid("username", "user.loginInvalid");
            }
            Role r = Role.PEOPLE.stream().filter(p -> p.name().equals(role)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("role", "user.roleUnknown"));
            UserAdminService.Created c = users.create(login, PageErrors.note("displayName", displayName, true), r,
                    district);
            redirect.addFlashAttribute("oneTimeUser", c.user().displayName() + "（" + c.user().username() + "）");
            redirect.addFlashAttribute("oneTimePassword", c.oneTimePassword());
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
            redirect.addFlashAttribute("form", new String[] {username, displayName, role, district});
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{username}/disable")
    String disable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return act(() -> users.setEnabled(username, false), "user.disabled", username, locale, redirect);
    }

    @PostMapping("/users/{username}/enable")
    String enable(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return act(() -> users.setEnabled(username, true), "user.enabled", username, locale, redirect);
    }

    @PostMapping("/users/{username}/password-reset")
    String reset(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
        try {
            UserAdminService.Created c = users.resetPassword(username);
            redirect.addFlashAttribute("oneTimeUser", c.user().displayName() + "（" + c.user().username() + "）");
            redirect.addFlashAttribute("oneTimePassword", c.oneTimePassword());
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/users";
    }

    private String act(Runnable action, String done, String username, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule(done, username), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/users";
    }

    @GetMapping("/me/password")
    String passwordForm(Model model, HttpSession session) {
        model.addAttribute("mustChange", users.mustChangePassword(cn.baojiaolou.loan.user.CurrentUser.username()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("history", PasswordPolicy.HISTORY);
        return "password";
    }

    @PostMapping("/me/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String repeatPassword, Locale locale, Model model,
                          HttpSession session, RedirectAttributes redirect) {
        try {
            if (newPassword == null || !newPassword.equals(repeatPassword)) {
                throw Refusal.invalid("repeatPassword", "password.repeatDiffers");
            }
            users.changeOwnPassword(currentPassword, newPassword);
            session.setAttribute(UserAdminService.MUST_CHANGE_SESSION_FLAG, Boolean.FALSE);
            redirect.addFlashAttribute("notice", errors.text("password.changed", locale));
            return "redirect:/";
        } catch (Refusal e) {
            // the message beside its field; passwords are never put back into the form
            model.addAttribute("error", errors.message(e, locale));
            model.addAttribute("errorField", e.field());
            return passwordForm(model, session);
        }
    }
}
