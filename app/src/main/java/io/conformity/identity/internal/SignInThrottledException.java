package io.conformity.identity.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many recent failures: the attempt was refused without checking the password or token. */
class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottledException(Duration wait) {
        super("Too many failed attempts");
        // Rounded up: a client that waits exactly this long is let through.
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
