package io.conformity.storage;

import org.springframework.http.HttpStatus;

import io.conformity.problem.ProblemException;

/** The content exceeded the size limit while streaming; nothing was kept. */
public class BlobTooLargeException extends ProblemException {

    public BlobTooLargeException(long maxBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Upload too large",
                "The upload exceeds the limit of " + maxBytes + " bytes; nothing was stored.");
    }
}
