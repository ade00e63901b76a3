package io.conformity.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.identity.ApiTokenView;
import io.conformity.identity.CreateTokenCommand;
import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.NewApiToken;
import io.conformity.identity.PasswordChangeCommand;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemType;
import io.conformity.validation.PlainText;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1")
class IdentityController {

    private final IdentityApi identity;
    private final FirstAdministrator firstAdministrator;

    IdentityController(IdentityApi identity, FirstAdministrator firstAdministrator) {
        this.identity = identity;
        this.firstAdministrator = firstAdministrator;
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses(ProblemType.DUPLICATE_USER)
    ResponseEntity<UserView> createUser(@RequestBody CreateUserCommand command) {
        UserView created = identity.createUser(command);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQuery(null)
                        .path("/{username}")
                        .buildAndExpand(created.username())
                        .toUri())
                .body(created);
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    PagedModel<UserView> users(
            @ListQuery(
                            sortable = {"username", "displayName"},
                            defaultSort = "username")
                    Pageable pageable) {
        return new PagedModel<>(identity.users(pageable));
    }

    @GetMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    UserView user(@PathVariable String username) {
        return identity.user(username).orElseThrow(() -> new NotFoundException("User", username));
    }

    @GetMapping("/users/me")
    CurrentUser me() {
        return identity.currentUser();
    }

    /** Your own password; the current one is asked again so that an unattended session cannot change it. */
    @PutMapping("/users/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChangeCommand command) {
        identity.changePassword(command);
    }

    /**
     * Your own e-mail address for notifications ({@code null} or blank removes it); without one they reach your
     * inbox only. Users of the identity provider have theirs from it.
     */
    @PutMapping("/users/me/email")
    @ProblemResponses(ProblemType.FORBIDDEN)
    UserView changeEmail(@RequestBody EmailChange request) {
        return identity.changeEmail(request.email());
    }

    record EmailChange(String email) {}

    /** A temporary password the account must change before anything else. */
    @PutMapping("/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset request) {
        identity.resetPassword(username, request.temporaryPassword());
    }

    @PutMapping("/users/{username}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    UserView changeRoles(@PathVariable String username, @Valid @RequestBody RoleChange request) {
        return identity.changeRoles(username, request.roles());
    }

    /** A personal API token; its secret is in this answer and nowhere else, ever. */
    @PostMapping("/users/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedTokenView> createToken(@RequestBody CreateTokenCommand request) {
        NewApiToken created = identity.createToken(request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQuery(null)
                        .path("/{id}")
                        .buildAndExpand(created.token().id())
                        .toUri())
                .body(new CreatedTokenView(created.token(), created.secret()));
    }

    @GetMapping("/users/me/tokens")
    List<ApiTokenView> tokens() {
        return identity.tokens();
    }

    @DeleteMapping("/users/me/tokens/{id}")
    ApiTokenView revokeToken(@PathVariable UUID id) {
        return identity.revokeToken(id);
    }

    /** @param secret send as {@code Authorization: Bearer <secret>}; shown this once only */
    record CreatedTokenView(ApiTokenView token, String secret) {
        @Override
        public String toString() {
            return "CreatedTokenView[token=" + token + "]";
        }
    }

    record PasswordReset(@NotBlank @PlainText(max = 128) String temporaryPassword) {
        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    record RoleChange(@NotEmpty Set<@NotNull Role> roles) {}

    @PostMapping("/setup")
    @SecurityRequirements
    @ProblemResponses({ProblemType.INVALID_SETUP_TOKEN, ProblemType.ALREADY_SET_UP})
    @ResponseStatus(HttpStatus.CREATED)
    UserView setup(@Valid @RequestBody SetupRequest request) {
        return firstAdministrator.completeSetup(
                request.token(),
                new CreateUserCommand(
                        request.username(),
                        request.displayName(),
                        request.function(),
                        List.of(Role.ADMIN),
                        request.password()));
    }

    record SetupRequest(
            @NotBlank @Size(max = 100) String token,
            String username,
            String displayName,
            String function,
            String password) {
        @Override
        public String toString() {
            return "SetupRequest[username=" + username + "]";
        }
    }
}
