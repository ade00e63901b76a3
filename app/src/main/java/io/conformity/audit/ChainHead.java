package io.conformity.audit;

/**
 * The head of the audit chain: the sequence and hash of its last entry. Whoever holds a head can later prove that
 * the chain up to it was not rewritten.
 */
public record ChainHead(long sequence, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
}
