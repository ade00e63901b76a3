package io.conformity.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.PasswordChangeCommand;
import io.conformity.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

/** Sign-in and a minimal landing page for people; the application's own pages come later. */
@Controller
@Hidden
class PageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final AccountService accounts;

    PageController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    @ResponseBody
    ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut) {
        String message =
                error != null ? "Wrong user name or password." : signedOut != null ? "You have signed out." : null;
        return ResponseEntity.ok().contentType(HTML).body(Pages.login(request, message));
    }

    @GetMapping("/")
    @ResponseBody
    ResponseEntity<String> landing(HttpServletRequest request) {
        return landingPage(request, HttpStatus.OK, null);
    }

    /** The page's own form: a browser posts a form, not JSON, so this is the form twin of the API's change. */
    @PostMapping(path = "/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseBody
    ResponseEntity<String> changePassword(
            HttpServletRequest request,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword) {
        try {
            accounts.changePassword(new PasswordChangeCommand(currentPassword, newPassword));
        } catch (InvalidInputException e) {
            String reasons = errors(e);
            return landingPage(request, HttpStatus.BAD_REQUEST, "Password not changed: " + reasons);
        } catch (ConstraintViolationException e) {
            return landingPage(request, HttpStatus.BAD_REQUEST, "Password not changed: both fields are required.");
        }
        // A changed password ends every session signed in before it, this one included.
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/login?changed")
                .build();
    }

    private ResponseEntity<String> landingPage(HttpServletRequest request, HttpStatus status, String message) {
        CurrentUser user = accounts.currentUser();
        boolean changeRequired = accounts.live(user.username())
                .map(LiveAccount::passwordChangeRequired)
                .orElse(false);
        return ResponseEntity.status(status)
                .contentType(HTML)
                .body(Pages.landing(request, user, changeRequired, message));
    }

    @SuppressWarnings("unchecked")
    private static String errors(InvalidInputException e) {
        Object errors = e.getBody().getProperties() == null
                ? null
                : e.getBody().getProperties().get("errors");
        if (errors instanceof List<?> list) {
            return String.join(
                    "; ",
                    list.stream()
                            .map(m -> ((Map<String, Object>) m).get("pointer") + " "
                                    + ((Map<String, Object>) m).get("detail"))
                            .map(s -> s.replaceFirst("^/", ""))
                            .toList());
        }
        return e.getBody().getDetail();
    }
}
