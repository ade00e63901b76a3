package io.conformity.evidence.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.conformity.storage.BlobCorruptedException;

/** Names the evidence when its stored bytes turn out damaged while being served, so an operator can act on it. */
final class LoggingStream extends FilterInputStream {

    private static final Logger log = LoggerFactory.getLogger(LoggingStream.class);

    private final UUID evidenceId;

    LoggingStream(InputStream in, UUID evidenceId) {
        super(in);
        this.evidenceId = evidenceId;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (BlobCorruptedException e) {
            throw logged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (BlobCorruptedException e) {
            throw logged(e);
        }
    }

    private BlobCorruptedException logged(BlobCorruptedException e) {
        log.error("Download of evidence {} aborted: {}", evidenceId, e.getMessage());
        return e;
    }
}
