package io.conformity.identity;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a personal API token may do, never more than its user may do at the time of each request. */
public enum TokenScope {
    /** Upload evidence and structured declarations for one product, and read what a pipeline needs for that. */
    @JsonProperty("evidence-upload")
    EVIDENCE_UPLOAD(EnumSet.of(Role.ENGINEER), true),
    /** Every GET the user may make. */
    @JsonProperty("read")
    READ(EnumSet.allOf(Role.class), false),
    /** Everything the user may do, except managing tokens and the password. */
    @JsonProperty("full")
    FULL(EnumSet.allOf(Role.class), false);

    private final Set<Role> roles;
    private final boolean productBound;

    TokenScope(Set<Role> roles, boolean productBound) {
        this.roles = roles;
        this.productBound = productBound;
    }

    /** The user's roles now, narrowed to those the scope can use. */
    public Set<Role> narrow(Set<Role> userRoles) {
        Set<Role> effective = EnumSet.noneOf(Role.class);
        effective.addAll(userRoles);
        effective.retainAll(roles);
        return effective;
    }

    public boolean productBound() {
        return productBound;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
