package io.conformity.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/** Accounts and the current caller. The only module that reads the security context. */
public interface IdentityApi {

    /** @throws IllegalStateException outside an authenticated request */
    CurrentUser currentUser();

    /**
     * The authenticated caller, if any: empty for the engine's background jobs and the application's own start-up
     * work, and for anonymous requests to the public endpoints.
     */
    Optional<CurrentUser> caller();

    Optional<UserView> user(String username);

    /** Whether the caller must choose a password before anything else (an administrator set a temporary one). */
    boolean passwordChangeRequired();

    /** Every account, in the page's order. */
    Page<UserView> users(Pageable pageable);

    /**
     * The enabled accounts of these user names (unknown names are left out), with their roles and e-mail addresses. No
     * access check: for other modules' own work, such as choosing whom to notify, never to answer a request.
     */
    List<UserView> users(Collection<String> usernames);

    /**
     * The caller's own e-mail address for notifications; null or blank removes it. Users of the identity provider
     * take theirs from it (the verified {@code email} claim), so they cannot set one here.
     */
    UserView changeEmail(String email);

    UserView createUser(@Valid CreateUserCommand command);

    /** The caller's own password, proven by the current one; the new one must pass the password rules. */
    void changePassword(@Valid PasswordChangeCommand command);

    /**
     * An administrator sets a temporary password (it must pass the password rules); until the account changes it,
     * every request but the change itself, {@code GET /users/me} and logout is refused.
     */
    void resetPassword(String username, String temporaryPassword);

    /** Replaces an account's roles; its sessions and API tokens lose a removed role at their next request. */
    UserView changeRoles(String username, Set<Role> roles);

    /** The caller's own personal API tokens, newest first; never their secrets. */
    List<ApiTokenView> tokens();

    /** A personal API token for the caller: its secret is in the answer and nowhere else, ever. */
    NewApiToken createToken(@Valid CreateTokenCommand command);

    /** Revokes one of the caller's tokens; idempotent. Another user's token is unknown (404). */
    ApiTokenView revokeToken(UUID id);

    /**
     * A local account with a temporary password its administrator chose: saved already needing a password change,
     * so the person replaces it at the first sign-in (as after {@link #resetPassword}). One step, audited once.
     */
    UserView createUserWithTemporaryPassword(@Valid CreateUserCommand command);
}
