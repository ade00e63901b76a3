package io.conformity.storage;

import java.io.InputStream;

/**
 * Bytes received and hashed but not yet in the store: they can be read again (to analyse them) and then either
 * committed, which stores them under their hash, or closed, which removes them. Closing after a commit only releases
 * the staging copy; the stored blob stays.
 *
 * <p>Use with try-with-resources, committing as the last step of the work that decides to keep the bytes:
 *
 * <pre>{@code
 * try (StagedBlob staged = store.stage(content, maxBytes)) {
 *     try (InputStream in = staged.open()) { analyse(in); }
 *     save(staged.sha256(), staged.size());
 *     staged.commit();
 * }
 * }</pre>
 */
public interface StagedBlob extends AutoCloseable {

    /** Lower-case hex SHA-256 of the staged bytes. */
    String sha256();

    /** Number of staged bytes. */
    long size();

    /**
     * Reads the staged bytes again from the start; the caller closes the stream, before closing this blob.
     *
     * @throws IllegalStateException once this blob is closed
     */
    InputStream open();

    /**
     * Stores the bytes under their hash (once, however many uploads of the same bytes commit at the same time). A
     * second call returns the result of the first.
     *
     * @throws IllegalStateException once this blob is closed without having been committed
     */
    StoredBlob commit();

    /** Removes the staged copy; the bytes are lost unless committed. Calling it again does nothing. */
    @Override
    void close();
}
