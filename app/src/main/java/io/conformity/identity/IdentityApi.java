package io.conformity.identity;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/** Accounts and the current caller. The only module that reads the security context. */
public interface IdentityApi {

    /** @throws IllegalStateException outside an authenticated request */
    CurrentUser currentUser();

    /** The authenticated caller, if any: empty for anonymous requests and for the engine's jobs. */
    Optional<CurrentUser> caller();

    Optional<UserView> user(String username);

    /** Every account, in the page's order. */
    Page<UserView> users(Pageable pageable);

    UserView createUser(@Valid CreateUserCommand command);
}
