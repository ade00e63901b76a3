package io.conformity.identity;

/**
 * What a user may do. {@link #group()} is the name the workflow uses for candidate groups and the name an
 * identity provider (Keycloak, later) uses for realm roles.
 */
public enum Role {
    COMPLIANCE_OFFICER("compliance-officer"),
    ENGINEER("engineer"),
    SIGNATORY("signatory"),
    REGULATOR("regulator"),
    ADMIN("admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** The Spring Security authority, e.g. {@code ROLE_COMPLIANCE_OFFICER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
