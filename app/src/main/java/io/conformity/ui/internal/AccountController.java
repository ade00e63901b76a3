package io.conformity.ui.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.identity.IdentityApi;
import io.conformity.identity.PasswordChangeCommand;
import io.conformity.problem.ProblemException;
import jakarta.validation.ConstraintViolationException;

/** The caller's own account: password (and, with local accounts, the other self-service settings). */
@Controller
class AccountController {

    private final IdentityApi identity;

    AccountController(IdentityApi identity) {
        this.identity = identity;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("errors", FormErrors.NONE);
        return "ui/account";
    }

    @PostMapping("/account/password")
    ModelAndView changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword) {
        FormErrors errors;
        try {
            identity.changePassword(new PasswordChangeCommand(currentPassword, newPassword));
            // A changed password ends every session signed in before it, this one included.
            return Redirects.seeOther("/login?changed");
        } catch (ProblemException e) {
            errors = FormErrors.of(e);
        } catch (ConstraintViolationException e) {
            errors = FormErrors.of(e);
        }
        ModelAndView page = new ModelAndView("ui/account", HttpStatus.BAD_REQUEST);
        page.addObject("errors", errors);
        return page;
    }
}
