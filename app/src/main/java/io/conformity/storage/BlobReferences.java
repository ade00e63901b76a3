package io.conformity.storage;

import java.util.stream.Stream;

/**
 * The blobs one module relies on, so that a verification of the store can name those that are missing. A module
 * that stores blobs registers one as a bean.
 */
public interface BlobReferences {

    /** The module that relies on the blobs, as shown in a verification report (for example {@code evidence}). */
    String owner();

    /**
     * The SHA-256 of every blob this module refers to, each at least once; the caller closes the stream (it may
     * hold a database connection).
     */
    Stream<String> referencedHashes();

    /** Whether this module refers to the blob; a module with an index on the hash may answer faster. */
    default boolean refersTo(String sha256) {
        try (Stream<String> hashes = referencedHashes()) {
            return hashes.anyMatch(sha256::equals);
        }
    }
}
