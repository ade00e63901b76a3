package io.conformity.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What evidences one requirement assessment: the evidence covering it (uploaded for it, or whose kind or findings
 * bear on it) and the findings that bear on it.
 */
public record RequirementEvidence(
        UUID requirementAssessmentId, List<EvidenceView> evidence, List<FindingView> findings) {

    public Optional<Severity> highestSeverity() {
        return findings.stream().map(FindingView::severity).max(Enum::compareTo);
    }
}
