package io.conformity.identity.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemType;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
