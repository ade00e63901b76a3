package io.conformity.declaration.internal.signing;

/**
 * The time-stamp authority did not answer, or answered with something other than a token for this signature. Often
 * passing (the authority is slow or down): a retry may succeed.
 */
public class TimeStampException extends SigningException {

    public TimeStampException(String message) {
        super(message);
    }

    public TimeStampException(String message, Throwable cause) {
        super(message, cause);
    }
}
