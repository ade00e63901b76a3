package io.conformity.storage;

import java.io.IOException;

/**
 * Stored bytes are not what their name promises: their SHA-256 differs (bit rot, a changed file) or they end before
 * or after the size recorded for them. Thrown by a read instead of a normal end of stream, so a copy of the bytes is
 * never mistaken for a complete one.
 */
public class BlobCorruptedException extends IOException {

    private final String sha256;

    public BlobCorruptedException(String sha256, String detail) {
        super("Stored blob " + sha256 + " is corrupted: " + detail);
        this.sha256 = sha256;
    }

    /** The hash the blob is stored under, which its bytes no longer match. */
    public String sha256() {
        return sha256;
    }
}
