package io.conformity.identity;

import java.util.Set;

/** @param email where notifications are e-mailed; null when the user has given none */
public record UserView(String username, String displayName, String function, Set<Role> roles, String email) {}
