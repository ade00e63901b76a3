package io.conformity.identity.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
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
    ResponseEntity<UserView> createUser(@RequestBody CreateUserCommand command) {
        UserView created = identity.createUser(command);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/users/me")
    CurrentUser me() {
        return identity.currentUser();
    }

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.CREATED)
    UserView setup(@Valid @RequestBody SetupRequest request) {
        return firstAdministrator.completeSetup(request.token(), new CreateUserCommand(request.username(),
                request.displayName(), request.function(), List.of(Role.ADMIN), request.password()));
    }

    record SetupRequest(@NotBlank @Size(max = 100) String token, String username, String displayName,
            String function, String password) {
        @Override
        public String toString() {
            return "SetupRequest[username=" + username + "]";
        }
    }
}
