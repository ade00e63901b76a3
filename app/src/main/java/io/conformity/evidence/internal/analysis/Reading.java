package io.conformity.evidence.internal.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.conformity.evidence.AnalysisStatus;
import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * What reading one file came to.
 *
 * @param analyzer      the analyzer that recognised it, or {@code document}
 * @param mediaType     detected from the content
 * @param findings      the findings kept (at most {@link CollectingSink#MAX_FINDINGS})
 * @param findingsTotal every finding made, kept or not
 * @param bySeverity    every finding made, counted by severity
 * @param evidences     the provisions a file of this kind evidences, findings or not
 * @param components    SBOM components kept (at most {@link CollectingSink#MAX_COMPONENTS})
 * @param text          extracted text of a document, bounded; null when none
 * @param location      for a rejected file, where reading failed
 */
public record Reading(
        AnalysisStatus status,
        String analyzer,
        String analyzerVersion,
        String mediaType,
        String summary,
        List<Finding> findings,
        int findingsTotal,
        Map<Severity, Integer> bySeverity,
        List<Provision> evidences,
        List<Component> components,
        String text,
        String location) {

    /** Counts by severity of a list of findings that is complete (nothing was cut). */
    public static Map<Severity, Integer> counted(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return Map.copyOf(counts);
    }
}
