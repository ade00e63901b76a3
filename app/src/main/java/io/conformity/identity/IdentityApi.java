package io.conformity.identity;

import jakarta.validation.Valid;
import java.util.Optional;

/** Accounts and the current caller. The only module that reads the security context. */
public interface IdentityApi {

    /** @throws IllegalStateException outside an authenticated request */
    CurrentUser currentUser();

    Optional<UserView> user(String username);

    UserView createUser(@Valid CreateUserCommand command);
}
