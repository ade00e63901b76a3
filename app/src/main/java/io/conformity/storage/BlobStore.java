package io.conformity.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage: bytes are stored once under their SHA-256 and never modified. The file system
 * implementation serves the embedded default; an S3-compatible one can replace it for production.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into the store, hashing as it goes; never holds the whole content in memory.
     *
     * @param maxBytes the most bytes accepted; more fails with {@link BlobTooLargeException} and stores nothing
     */
    StoredBlob put(InputStream content, long maxBytes);

    /** Opens the stored bytes for reading; the caller closes the stream. */
    Optional<InputStream> open(String sha256);

    boolean exists(String sha256);
}
