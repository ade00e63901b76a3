package io.conformity.ui.internal;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;

/** The same role questions as {@link Viewer}, for a controller that holds the caller rather than the page's viewer. */
final class Viewers {

    private Viewers() {}

    static boolean works(CurrentUser user) {
        return user.has(Role.COMPLIANCE_OFFICER)
                || user.has(Role.ENGINEER)
                || user.has(Role.SIGNATORY)
                || user.has(Role.ADMIN);
    }
}
