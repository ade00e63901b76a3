package io.conformity.storage;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of re-hashing every stored blob and looking up every referenced one.
 *
 * @param checkedBlobs number of stored blobs re-hashed
 * @param checkedBytes number of bytes re-hashed
 * @param mismatched   stored blobs whose bytes no longer hash to their name
 * @param unreadable   stored blobs that could not be read at all
 * @param missing      blobs a module refers to that are not in the store
 * @param startedAt    when the verification started
 * @param finishedAt   when it finished
 */
public record VerificationReport(
        long checkedBlobs,
        long checkedBytes,
        List<Mismatch> mismatched,
        List<Unreadable> unreadable,
        List<Missing> missing,
        Instant startedAt,
        Instant finishedAt) {

    public VerificationReport {
        mismatched = List.copyOf(mismatched);
        unreadable = List.copyOf(unreadable);
        missing = List.copyOf(missing);
    }

    /** True when every stored blob matched its name and every referenced blob was present. */
    public boolean intact() {
        return mismatched.isEmpty() && unreadable.isEmpty() && missing.isEmpty();
    }

    /**
     * A stored blob whose bytes changed.
     *
     * @param sha256       the hash it is stored (and referred to) under
     * @param actualSha256 the hash of the bytes now in the file
     */
    public record Mismatch(String sha256, String actualSha256) {}

    /**
     * A stored blob that could not be read.
     *
     * @param sha256 the hash it is stored under
     * @param reason the operating system's error
     */
    public record Unreadable(String sha256, String reason) {}

    /**
     * A referenced blob absent from the store.
     *
     * @param sha256       the hash referred to
     * @param referencedBy the owners of the references (see {@link BlobReferences#owner()}), sorted
     */
    public record Missing(String sha256, List<String> referencedBy) {
        public Missing {
            referencedBy = List.copyOf(referencedBy);
        }
    }
}
