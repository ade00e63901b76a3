package io.conformity.declaration.internal.signing;

/** A declaration could not be signed. Issuance runs as a retried job, so this says what to fix or wait for. */
public class SigningException extends RuntimeException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
