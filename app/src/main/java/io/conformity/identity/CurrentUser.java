package io.conformity.identity;

import java.util.Set;

/**
 * The authenticated caller, whatever authenticated them (local account now, Keycloak later).
 *
 * @param function the job function printed beside a signatory's name
 */
public record CurrentUser(String username, String displayName, String function, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
