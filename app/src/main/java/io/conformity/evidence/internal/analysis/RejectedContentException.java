package io.conformity.evidence.internal.analysis;

/**
 * The file is malformed in a dangerous way or cannot be what it claims: nothing of it is stored.
 *
 * @see #location() where reading failed: a line and column, a JSON Pointer, an element
 */
public class RejectedContentException extends RuntimeException {

    private final String location;

    public RejectedContentException(String location, String reason) {
        super(reason);
        this.location = location;
    }

    public RejectedContentException(String location, String reason, Throwable cause) {
        super(reason, cause);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
