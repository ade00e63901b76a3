package io.conformity.evidence;

import java.io.InputStream;

/** Stored evidence bytes opened for reading; the caller closes {@code stream}. */
public record EvidenceContent(EvidenceView evidence, InputStream stream) {}
