package io.conformity.storage;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** The content exceeded the size limit while streaming; nothing was kept. */
public class BlobTooLargeException extends ProblemException {

    public BlobTooLargeException(long maxBytes) {
        super(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The upload exceeds the limit of " + maxBytes + " bytes; nothing was stored.");
    }
}
