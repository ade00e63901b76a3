package io.conformity.evidence.internal.analysis;

import java.util.List;

import io.conformity.evidence.AnalysisStatus;

/**
 * What reading one file came to.
 *
 * @param analyzer      the analyzer that recognised it, or {@code document}
 * @param mediaType     detected from the content
 * @param findings      the findings kept (at most {@link CollectingSink#MAX_FINDINGS})
 * @param findingsTotal every finding made, kept or not
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
        List<Component> components,
        String text,
        String location) {}
