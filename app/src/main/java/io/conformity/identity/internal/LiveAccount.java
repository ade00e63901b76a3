package io.conformity.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.conformity.identity.Role;

/** An account as it is now, read at each request: roles removed or an account disabled take effect at once. */
record LiveAccount(
        UUID id,
        String username,
        String displayName,
        String function,
        Set<Role> roles,
        boolean enabled,
        boolean passwordChangeRequired,
        Instant credentialsChangedAt) {

    static LiveAccount of(UserAccount account) {
        return new LiveAccount(
                account.id(),
                account.username(),
                account.displayName(),
                account.function(),
                account.roles(),
                account.enabled(),
                account.passwordChangeRequired(),
                account.credentialsChangedAt());
    }
}
