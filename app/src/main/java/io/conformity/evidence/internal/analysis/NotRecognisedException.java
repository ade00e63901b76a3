package io.conformity.evidence.internal.analysis;

/** The file looked like the analyzer's format but is not: it is kept as a plain document. */
public class NotRecognisedException extends RuntimeException {

    public NotRecognisedException(String reason) {
        super(reason);
    }
}
