package io.conformity.identity;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The authenticated caller, whatever authenticated them (local account now, Keycloak later).
 *
 * @param function the job function printed beside a signatory's name
 * @param roles the roles in force for this request: the account's roles now, narrowed to what the API token that
 *     authenticated the request allows
 * @param tokenProductId the product the API token that authenticated this request is bound to (an
 *     {@code evidence-upload} token); null for a password, a session, or a token bound to no product
 */
public record CurrentUser(
        String username,
        String displayName,
        String function,
        Set<Role> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tokenProductId) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public CurrentUser(String username, String displayName, String function, Set<Role> roles) {
        this(username, displayName, function, roles, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the way this request was authenticated allows acting on the product: false only when an API token
     * bound to another product authenticated it. This is the token's limit alone, not product membership: code
     * that checks membership checks this as well.
     */
    public boolean mayActOnProduct(String productId) {
        return tokenProductId == null || tokenProductId.equals(productId);
    }
}
