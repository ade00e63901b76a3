package io.conformity.identity;

import java.util.Set;

public record UserView(String username, String displayName, String function, Set<Role> roles) {}
