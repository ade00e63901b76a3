package io.conformity.ui.internal;

import java.util.Set;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;

/** Who is looking at a page, as the page header and navigation need it; absent on public pages for anonymous readers. */
public record Viewer(CurrentUser user, boolean passwordChangeRequired, long unreadNotifications) {

    public String username() {
        return user.username();
    }

    public String displayName() {
        return user.displayName();
    }

    public Set<Role> roles() {
        return user.roles();
    }

    public boolean officer() {
        return user.has(Role.COMPLIANCE_OFFICER);
    }

    public boolean engineer() {
        return user.has(Role.ENGINEER);
    }

    public boolean signatory() {
        return user.has(Role.SIGNATORY);
    }

    public boolean regulator() {
        return user.has(Role.REGULATOR);
    }

    public boolean admin() {
        return user.has(Role.ADMIN);
    }

    /** Roles that work on products: they see products, assessments and tasks. */
    public boolean works() {
        return officer() || engineer() || signatory() || admin();
    }
}
