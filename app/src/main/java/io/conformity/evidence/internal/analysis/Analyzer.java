package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.conformity.evidence.Provision;

/**
 * Reads one kind of tool output into findings. Implementations are stateless and thread-safe, parse with the
 * hardened readers of {@link SafeParsers} in a single streaming pass, and never hold the whole file in memory.
 */
public interface Analyzer {

    /** A short stable name: {@code nmap}, {@code testssl}, {@code cyclonedx} … */
    String name();

    /** Bumped whenever the findings for the same file could change, so stored analyses can be re-run. */
    String version();

    /** The media type recorded for a file this analyzer recognises ({@code application/xml} …). */
    String mediaType();

    /** The media type of this file, for an analyzer that reads more than one serialisation. */
    default String mediaType(Head head) {
        return mediaType();
    }

    /**
     * The provisions a file of this kind evidences, whatever it finds: a clean scan is evidence too. The findings'
     * own provisions come on top.
     */
    List<Provision> evidences();

    /**
     * True when the findings depend on what the manufacturer declared or on the release's SBOM (the
     * {@link AnalysisContext}): such files are read again when those change.
     */
    default boolean readsContext() {
        return false;
    }

    /** Cheap recognition from the head; true only if the file is very probably this analyzer's format. */
    boolean recognises(Head head);

    /**
     * Reads the whole file, reporting to {@code sink}.
     *
     * @return a one-line summary for people ({@code 3 open TCP ports, 2 undeclared})
     * @throws NotRecognisedException when reading shows the file is not this format after all
     * @throws RejectedContentException when the file is malformed or hostile (XXE, too deep, truncated)
     */
    String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException;
}
