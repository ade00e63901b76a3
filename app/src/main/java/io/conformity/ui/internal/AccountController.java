package io.conformity.ui.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.conformity.identity.CreateTokenCommand;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.NewApiToken;
import io.conformity.identity.PasswordChangeCommand;
import io.conformity.identity.Role;
import io.conformity.identity.TokenScope;
import io.conformity.identity.UserView;
import io.conformity.problem.ProblemException;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import jakarta.validation.ConstraintViolationException;

/** The caller's own account: password, e-mail address for notifications and personal API tokens. */
@Controller
class AccountController {

    /** A new token's expiry the form suggests: a quarter, long enough for a pipeline, short enough to rotate. */
    static final int SUGGESTED_DAYS = 90;

    private final IdentityApi identity;
    private final ProductApi products;
    private final Clock clock;

    AccountController(IdentityApi identity, ProductApi products, Clock clock) {
        this.identity = identity;
        this.products = products;
        this.clock = clock;
    }

    /** What the token form holds: as typed, so a refusal shows it again. */
    record TokenForm(String name, String scope, String productId, String expiresAt) {}

    @GetMapping("/account")
    ModelAndView account() {
        return page(HttpStatus.OK, FormErrors.NONE, null, null, null);
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
        return page(HttpStatus.BAD_REQUEST, errors, "password", null, null);
    }

    /** The address notifications are e-mailed to; blank removes it. */
    @PostMapping("/account/email")
    ModelAndView changeEmail(@RequestParam(defaultValue = "") String email, RedirectAttributes flash) {
        try {
            UserView changed = identity.changeEmail(email);
            flash.addFlashAttribute(
                    "saved",
                    changed.email() == null
                            ? "E-mail address removed: notifications reach your inbox here only."
                            : "E-mail address saved.");
            return Redirects.seeOther("/account");
        } catch (ProblemException e) {
            return page(e.getStatusCode(), FormErrors.of(e), "email", email, null);
        }
    }

    /**
     * A personal API token, as {@code POST /api/v1/users/me/tokens}. The secret travels to the next page as a flash
     * attribute and is gone after it: shown once, as the API shows it once.
     */
    @PostMapping("/account/tokens")
    ModelAndView createToken(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String productId,
            @RequestParam(defaultValue = "") String expiresAt,
            RedirectAttributes flash) {
        TokenForm form = new TokenForm(name, scope, productId, expiresAt);
        FormErrors errors;
        try {
            NewApiToken created = identity.createToken(new CreateTokenCommand(
                    name,
                    scope(scope),
                    productId.isBlank() ? null : uuid(productId),
                    expiresAt.isBlank() ? null : endOf(expiresAt),
                    null));
            flash.addFlashAttribute("created", created);
            return Redirects.seeOther("/account#tokens");
        } catch (ProblemException e) {
            errors = FormErrors.of(e);
        } catch (ConstraintViolationException e) {
            errors = FormErrors.of(e);
        } catch (FieldRefused e) {
            errors = FormErrors.of("The token request is invalid; no token was created.", e.field, e.getMessage());
        }
        return page(HttpStatus.BAD_REQUEST, errors, "token", null, form);
    }

    @PostMapping("/account/tokens/{id}/revocation")
    ModelAndView revokeToken(@PathVariable UUID id, RedirectAttributes flash) {
        identity.revokeToken(id);
        flash.addFlashAttribute("saved", "Token revoked: it no longer opens the API.");
        return Redirects.seeOther("/account#tokens");
    }

    private ModelAndView page(
            HttpStatusCode status, FormErrors errors, String form, String emailTyped, TokenForm tokenForm) {
        ModelAndView page = new ModelAndView("ui/account", status);
        String username = identity.currentUser().username();
        // Each form shows only its own refusal.
        page.addObject("errors", "password".equals(form) ? errors : FormErrors.NONE);
        page.addObject("emailErrors", "email".equals(form) ? errors : FormErrors.NONE);
        page.addObject("tokenErrors", "token".equals(form) ? errors : FormErrors.NONE);
        page.addObject(
                "email",
                emailTyped != null
                        ? emailTyped
                        : identity.user(username).map(UserView::email).orElse(null));
        page.addObject(
                "tokenForm",
                tokenForm != null
                        ? tokenForm
                        : new TokenForm(
                                "",
                                "read",
                                "",
                                LocalDate.now(clock).plusDays(SUGGESTED_DAYS).toString()));
        page.addObject("tokens", identity.passwordChangeRequired() ? List.of() : identity.tokens());
        page.addObject("scopes", List.of(TokenScope.values()));
        page.addObject("today", LocalDate.now(clock).plusDays(1).toString());
        if (!identity.passwordChangeRequired() && identity.currentUser().has(Role.ENGINEER)) {
            page.addObject(
                    "products",
                    products.products(null, null, PageRequest.of(0, 200, Sort.by("modelDesignation")))
                            .getContent());
        } else {
            page.addObject("products", List.<ProductView>of());
        }
        return page;
    }

    private static TokenScope scope(String slug) {
        for (TokenScope scope : TokenScope.values()) {
            if (scope.slug().equals(slug)) {
                return scope;
            }
        }
        // Null is refused by the command's own rule, at the field.
        return null;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FieldRefused("productId", "no product has this id");
        }
    }

    /** The last instant of the day in UTC: a token "until 1 March" still works on 1 March. */
    private static Instant endOf(String day) {
        try {
            return LocalDate.parse(day)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusSeconds(1);
        } catch (DateTimeParseException e) {
            throw new FieldRefused("expiresAt", "is not a date (YYYY-MM-DD)");
        }
    }

    /** A form value the page itself cannot turn into the command's type. */
    private static final class FieldRefused extends RuntimeException {
        private final String field;

        FieldRefused(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
