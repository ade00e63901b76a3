package io.conformity.ui.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.conformity.audit.AuditApi;
import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.storage.BlobReferences;
import io.conformity.storage.BlobStore;
import io.conformity.workflow.WorkflowApi;
import jakarta.validation.ConstraintViolationException;

/** Administration: accounts and roles, product membership, storage and audit verification, issuance incidents. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private static final int PAGE_SIZE = 50;

    // Only an altered form sends a value that names no role; it is refused at the field like any other mistake.
    private static final FormErrors UNKNOWN_ROLE =
            FormErrors.of("Nothing was saved.", "roles", "choose among the roles listed");

    private final IdentityApi identity;
    private final ProductApi products;
    private final BlobStore store;
    private final ObjectProvider<BlobReferences> references;
    private final AuditApi audit;
    private final WorkflowApi workflow;
    private final SecureRandom random = new SecureRandom();

    AdminController(
            IdentityApi identity,
            ProductApi products,
            BlobStore store,
            ObjectProvider<BlobReferences> references,
            AuditApi audit,
            WorkflowApi workflow) {
        this.identity = identity;
        this.products = products;
        this.store = store;
        this.references = references;
        this.audit = audit;
        this.workflow = workflow;
    }

    /** The new-user form as typed; the password is never sent back to the page. */
    record UserForm(String username, String displayName, String function, String email, Set<Role> roles) {}

    @GetMapping
    String overview() {
        return "ui/admin/index";
    }

    // Accounts and roles: as IdentityController's /users endpoints.

    @GetMapping("/users")
    ModelAndView users(@RequestParam(defaultValue = "0") int page) {
        return usersPage(
                HttpStatus.OK, FormErrors.NONE, new UserForm("", "", "", "", EnumSet.noneOf(Role.class)), page);
    }

    /**
     * A new account with a temporary password (typed, or generated when left empty and shown once on the next page)
     * that the person replaces at the first sign-in.
     */
    @PostMapping("/users")
    ModelAndView createUser(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String function,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String password,
            RedirectAttributes flash) {
        Set<Role> chosen = roles(roles);
        UserForm form = new UserForm(
                username, displayName, function, email, chosen == null ? EnumSet.noneOf(Role.class) : chosen);
        if (chosen == null) {
            return usersPage(HttpStatus.BAD_REQUEST, UNKNOWN_ROLE, form, 0);
        }
        boolean generated = password.isEmpty();
        String initial = generated ? generatePassword() : password;
        FormErrors errors;
        try {
            // The administrator knows this password: the account is saved needing the person's own at the first
            // sign-in, as after a reset, in the same step.
            UserView created = identity.createUserWithTemporaryPassword(new CreateUserCommand(
                    username.strip(),
                    displayName,
                    function.isBlank() ? null : function,
                    new ArrayList<>(chosen),
                    initial,
                    email.isBlank() ? null : email.strip()));
            flash.addFlashAttribute(
                    "saved",
                    "Account " + created.username()
                            + " created. The password is temporary: they choose their own at the first sign-in.");
            if (generated) {
                flash.addFlashAttribute("generatedFor", created.username());
                flash.addFlashAttribute("generatedPassword", initial);
            }
            return Redirects.seeOther("/admin/users/" + created.username());
        } catch (ProblemException e) {
            errors = FormErrors.of(e);
        } catch (ConstraintViolationException e) {
            errors = FormErrors.of(e);
        }
        return usersPage(HttpStatus.BAD_REQUEST, errors, form, 0);
    }

    @GetMapping("/users/{username}")
    ModelAndView user(@PathVariable String username) {
        return userPage(HttpStatus.OK, find(username), FormErrors.NONE, null);
    }

    @PostMapping("/users/{username}/roles")
    ModelAndView changeRoles(
            @PathVariable String username,
            @RequestParam(required = false) List<String> roles,
            RedirectAttributes flash) {
        UserView user = find(username);
        Set<Role> chosen = roles(roles);
        if (chosen == null) {
            return userPage(HttpStatus.BAD_REQUEST, user, UNKNOWN_ROLE, "roles");
        }
        if (chosen.isEmpty()) {
            return userPage(
                    HttpStatus.BAD_REQUEST,
                    user,
                    FormErrors.of("The roles were not changed.", "roles", "choose at least one role"),
                    "roles");
        }
        try {
            identity.changeRoles(username, chosen);
        } catch (ProblemException e) {
            return userPage(e.getStatusCode(), user, FormErrors.of(e), "roles");
        }
        flash.addFlashAttribute("saved", "Roles of " + username + " changed.");
        return Redirects.seeOther("/admin/users/" + username);
    }

    /** A temporary password the account must change at its next sign-in; empty generates one. */
    @PostMapping("/users/{username}/password")
    ModelAndView resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String temporaryPassword,
            RedirectAttributes flash) {
        UserView user = find(username);
        boolean generated = temporaryPassword.isEmpty();
        String temporary = generated ? generatePassword() : temporaryPassword;
        try {
            identity.resetPassword(username, temporary);
        } catch (ProblemException e) {
            return userPage(e.getStatusCode(), user, FormErrors.of(e), "password");
        }
        flash.addFlashAttribute(
                "saved",
                "Temporary password set: " + username
                        + " must choose a new one at the next sign-in; their sessions and tokens ended.");
        if (generated) {
            flash.addFlashAttribute("generatedFor", username);
            flash.addFlashAttribute("generatedPassword", temporary);
        }
        return Redirects.seeOther("/admin/users/" + username);
    }

    // Product membership: as ProductController's /products/{id}/members endpoints.

    @GetMapping("/products")
    ModelAndView membership(@RequestParam(required = false) UUID productId) {
        return membershipPage(HttpStatus.OK, productId, FormErrors.NONE, "");
    }

    @PostMapping("/products/{productId}/members")
    ModelAndView addMember(
            @PathVariable UUID productId, @RequestParam(defaultValue = "") String username, RedirectAttributes flash) {
        String name = username.strip();
        if (name.isEmpty() || identity.user(name).isEmpty()) {
            return membershipPage(
                    HttpStatus.BAD_REQUEST,
                    productId,
                    FormErrors.of(
                            "Nobody was added.",
                            "username",
                            name.isEmpty() ? "enter a user name" : "no account has this user name"),
                    username);
        }
        try {
            ProductApi.Membership membership = products.addMember(productId, name);
            flash.addFlashAttribute(
                    "saved", membership.added() ? name + " added to the product." : name + " was already a member.");
        } catch (ProblemException e) {
            return membershipPage(e.getStatusCode(), productId, FormErrors.of(e), username);
        }
        return Redirects.seeOther("/admin/products?productId=" + productId);
    }

    @PostMapping("/products/{productId}/members/{username}/removal")
    ModelAndView removeMember(@PathVariable UUID productId, @PathVariable String username, RedirectAttributes flash) {
        products.removeMember(productId, username);
        flash.addFlashAttribute("saved", username + " removed from the product.");
        return Redirects.seeOther("/admin/products?productId=" + productId);
    }

    // Verification of what is stored: as StorageVerificationController and AuditController's /verify.

    @GetMapping("/verification")
    String verification(Model model) {
        model.addAttribute("head", audit.head());
        return "ui/admin/verification";
    }

    /** Reads the whole store; the answer is shown, not stored, so it is not redirected to. */
    @PostMapping("/verification/storage")
    String verifyStorage(Model model) {
        model.addAttribute("storage", store.verifyAll(references.orderedStream().toList()));
        return verification(model);
    }

    @PostMapping("/verification/audit")
    String verifyAudit(Model model) {
        model.addAttribute("audit", audit.verify());
        return verification(model);
    }

    // Issuance incidents: as IssuanceIncidentController.

    @GetMapping("/incidents")
    String incidents(Model model) {
        model.addAttribute("incidents", workflow.issuanceIncidents());
        return "ui/admin/incidents";
    }

    @PostMapping("/incidents/{id}/retry")
    ModelAndView retry(@PathVariable String id, RedirectAttributes flash) {
        workflow.retryIssuance(id);
        flash.addFlashAttribute("saved", "Issuance scheduled again; it runs in the background.");
        return Redirects.seeOther("/admin/incidents");
    }

    private ModelAndView usersPage(HttpStatusCode status, FormErrors errors, UserForm form, int page) {
        ModelAndView view = new ModelAndView("ui/admin/users", status);
        Page<UserView> users = identity.users(PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("username")));
        view.addObject("users", users);
        view.addObject("errors", errors);
        view.addObject("form", form);
        view.addObject("roles", Role.values());
        return view;
    }

    private ModelAndView userPage(HttpStatusCode status, UserView user, FormErrors errors, String form) {
        ModelAndView view = new ModelAndView("ui/admin/user", status);
        view.addObject("user", user);
        view.addObject("roles", Role.values());
        view.addObject("roleErrors", "roles".equals(form) ? errors : FormErrors.NONE);
        view.addObject("passwordErrors", "password".equals(form) ? errors : FormErrors.NONE);
        return view;
    }

    private ModelAndView membershipPage(HttpStatusCode status, UUID productId, FormErrors errors, String typed) {
        ModelAndView view = new ModelAndView("ui/admin/membership", status);
        List<ProductView> all = products.products(null, null, PageRequest.of(0, 500, Sort.by("modelDesignation")))
                .getContent();
        view.addObject("products", all);
        view.addObject("errors", errors);
        view.addObject("typed", typed);
        if (productId != null) {
            view.addObject("product", products.product(productId));
            view.addObject("members", products.members(productId));
        }
        return view;
    }

    private UserView find(String username) {
        return identity.user(username).orElseThrow(() -> new NotFoundException("User", username));
    }

    /** The roles ticked, or null when a value names none of them. */
    private static Set<Role> roles(List<String> values) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String value : values == null ? List.<String>of() : values) {
            try {
                chosen.add(Role.valueOf(value));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return chosen;
    }

    /** 18 random bytes: 24 characters from the URL-safe alphabet, far past the password rules' minimum. */
    private String generatePassword() {
        byte[] raw = new byte[18];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
