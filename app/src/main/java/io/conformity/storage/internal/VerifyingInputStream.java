package io.conformity.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.conformity.storage.BlobCorruptedException;

/**
 * Re-hashes a stored blob as it is read and fails instead of ending when the bytes do not match the name or the
 * expected size. The read that would deliver the last byte first checks that the file ends there and that the
 * digest matches, and throws instead of returning those bytes if not: a consumer copying to a response announced
 * with {@code expectedSize} bytes therefore never completes it with wrong bytes.
 *
 * <p>Extends {@link InputStream} rather than a filter stream so that {@code skip} and {@code transferTo} go through
 * {@link #read(byte[], int, int)} and every byte is hashed.
 */
final class VerifyingInputStream extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(VerifyingInputStream.class);

    private final InputStream in;
    private final String sha256;
    private final long expectedSize;
    private final MessageDigest digest;
    private long count;
    private boolean verified;
    private BlobCorruptedException failure;

    VerifyingInputStream(InputStream in, String sha256, long expectedSize) {
        this.in = in;
        this.sha256 = sha256;
        this.expectedSize = expectedSize;
        this.digest = Sha256.newDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (verified) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        // Never ask for more than the expected bytes, so the last ones arrive in a read of their own to hold back.
        int n = in.read(b, off, (int) Math.min(len, Math.max(1, expectedSize - count)));
        if (n == -1) {
            if (count < expectedSize) {
                throw fail("the file ends after " + count + " of " + expectedSize + " bytes");
            }
            verify();
            return -1;
        }
        if (count + n > expectedSize) {
            throw fail("the file is longer than the " + expectedSize + " bytes expected");
        }
        count += n;
        digest.update(b, off, n);
        if (count == expectedSize) {
            if (in.read() != -1) {
                throw fail("the file is longer than the " + expectedSize + " bytes expected");
            }
            verify();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void verify() throws BlobCorruptedException {
        String actual = Sha256.hex(digest);
        if (!actual.equals(sha256)) {
            throw fail("its " + count + " bytes hash to " + actual);
        }
        verified = true;
    }

    private BlobCorruptedException fail(String detail) {
        failure = new BlobCorruptedException(sha256, detail);
        log.error("Blob store: {}", failure.getMessage());
        return failure;
    }
}
