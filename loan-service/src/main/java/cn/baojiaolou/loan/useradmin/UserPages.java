package cn.baojiaolou.loan.useradmin;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.util.List;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
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
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.loan.web.PageFormat;
import cn.baojiaolou.reports.ColumnType;

/**
 * 用户管理 (admins): the users with role, scope and state; create one, disable or enable, reset a password. The one-time
 * password is shown once, on the page that follows. 修改密码 (everyone): the page a one-time password leads to.
 */
@Controller
class UserPages {

    private final UserAdminService users;
    private final DistrictService districts;
    private final PageErrors errors;
    private final ListExport export;
    private final MessageSource messages;

    UserPages(UserAdminService users, DistrictService districts, PageErrors errors, ListExport export,
              MessageSource messages) {
        this.export = export;
        this.messages = messages;
        this.users = users;
        this.districts = districts;
        this.errors = errors;
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(defaultValue = "1") int page, Model model) {
        List<UserAccountMapper.UserAccount> found = filtered(q, role);
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("users", found.subList((current - 1) * PAGE_SIZE,
                Math.min(found.size(), current * PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("q", q == null || q.isBlank() ? null : q.trim());
        model.addAttribute("roleFilter", role == null || role.isBlank() ? null : role);
        model.addAttribute("districts", districts.all());
        model.addAttribute("roles", Role.PEOPLE);
        return "users";
    }

    static final int PAGE_SIZE = 50;

    /** The users whose login or 姓名 holds {@code q}, of {@code role} if given, by 姓名 (then login). */
    private List<UserAccountMapper.UserAccount> filtered(String q, String role) {
        String text = q == null || q.isBlank() ? null : q.trim();
        return users.list().stream()
                .filter(u -> text == null || u.username().contains(text)
                        || (u.displayName() != null && u.displayName().contains(text)))
                .filter(u -> role == null || role.isBlank() || role.equals(u.role()))
                .sorted(java.util.Comparator.comparing((UserAccountMapper.UserAccount u) ->
                        u.displayName() == null ? "" : u.displayName()).thenComparing(UserAccountMapper.UserAccount::username))
                .toList();
    }

    /** Every user under the page's filter, with role, scope and state in words, as XLSX. */
    @GetMapping("/users/users.xlsx")
    void exportUsers(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                     HttpServletResponse response, Locale locale) throws IOException {
        List<ListExport.Column<UserAccountMapper.UserAccount>> columns = List.of(
                column("users.name", ColumnType.TEXT, UserAccountMapper.UserAccount::displayName),
                column("users.login", ColumnType.TEXT, UserAccountMapper.UserAccount::username),
                column("users.role", ColumnType.TEXT, (UserAccountMapper.UserAccount u) -> label("role." + u.role(),
                        locale)),
                column("users.scope", ColumnType.TEXT, (UserAccountMapper.UserAccount u) -> u.districtName() != null
                        ? u.districtName() : label("users.cityScope", locale)),
                column("users.state", ColumnType.TEXT, (UserAccountMapper.UserAccount u) -> label(u.serviceAccount()
                        ? "users.serviceAccount" : !u.enabled() ? "users.disabledState"
                        : u.mustChangePassword() ? "users.mustChange" : "users.active", locale)),
                column("users.createdAt", ColumnType.TEXT,
                        (UserAccountMapper.UserAccount u) -> PageFormat.beijingTime(u.createdAt())),
                column("users.passwordChangedAt", ColumnType.TEXT,
                        (UserAccountMapper.UserAccount u) -> PageFormat.beijingTime(u.passwordChangedAt())));
        List<UserAccountMapper.UserAccount> all = filtered(q, role);
        String filter = ListExport.filter(q == null || q.isBlank() ? null : "“" + q.trim() + "”",
                        role == null || role.isBlank() ? null : label("role." + role, locale));
        export.write(response, "users", "users.title", filter, columns, (last, limit) -> last == null ? all : List.of(),
                locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
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
