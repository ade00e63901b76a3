package io.conformity.identity.internal;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/** When a person signed in on the form: a session older than the account's last password change ends. */
class SignInDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Instant signedInAt;

    SignInDetails(HttpServletRequest request, Instant signedInAt) {
        super(request);
        this.signedInAt = signedInAt;
    }

    Instant signedInAt() {
        return signedInAt;
    }
}
