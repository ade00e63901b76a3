package io.conformity.storage;

import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Content-addressed storage: bytes are stored once under their SHA-256 and never modified. The file system
 * implementation serves the embedded default; an S3-compatible one can replace it for production.
 *
 * <p>Every read is verified: a stream from {@link #open(String)} re-hashes the bytes as they are read and fails with
 * {@link BlobCorruptedException} instead of ending normally when they no longer match their name. It holds back its
 * last bytes until they are verified, so a consumer that copies it to a response announced with the blob's size
 * never completes that response with wrong bytes.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into a staging area, hashing as it goes; never holds the whole content in memory.
     * Nothing is stored until {@link StagedBlob#commit()}.
     *
     * @param maxBytes the most bytes accepted; more fails with {@link BlobTooLargeException} and keeps nothing
     */
    StagedBlob stage(InputStream content, long maxBytes);

    /**
     * Stages and commits in one step.
     *
     * @param maxBytes the most bytes accepted; more fails with {@link BlobTooLargeException} and stores nothing
     */
    default StoredBlob put(InputStream content, long maxBytes) {
        try (StagedBlob staged = stage(content, maxBytes)) {
            return staged.commit();
        }
    }

    /**
     * Opens the stored bytes for a verified read (see above); the caller closes the stream. Empty when no blob has
     * this hash.
     */
    Optional<InputStream> open(String sha256);

    /**
     * Opens the stored bytes for a verified read that must deliver exactly {@code expectedSize} bytes, the size
     * recorded when they were stored: the stream fails with {@link BlobCorruptedException} rather than ending early
     * or running long. Empty when no blob has this hash.
     *
     * @throws BlobCorruptedException at once when the stored file already has another size, so a caller can answer
     *     an error before it promises a {@code Content-Length}
     */
    Optional<InputStream> open(String sha256, long expectedSize) throws BlobCorruptedException;

    /** The size of the stored file (not verified); empty when no blob has this hash. */
    OptionalLong size(String sha256);

    boolean exists(String sha256);

    /**
     * Deletes a stored blob that none of the given modules refers to any more; identical bytes are stored once, so
     * the same file may serve two modules (a declaration's PDF uploaded again as evidence). Call it once the
     * reference is gone for good (after the deleting transaction committed): a verification then finds nothing
     * missing.
     *
     * @return true when the file was deleted; false when a module still refers to it or no blob has this hash
     */
    boolean release(String sha256, Collection<? extends BlobReferences> references);

    /**
     * Re-hashes every stored blob, streaming, and looks up every blob the given modules refer to. Takes as long as
     * reading the whole store; runs one at a time.
     */
    VerificationReport verifyAll(Collection<? extends BlobReferences> references);
}
