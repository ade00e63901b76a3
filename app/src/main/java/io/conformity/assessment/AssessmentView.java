package io.conformity.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AssessmentView(UUID id, UUID releaseId, String regime, AssessmentStatus status, String openedBy,
        Instant openedAt, String approvedBy, Instant approvedAt, String placeOfIssue,
        List<RequirementAssessmentView> requirements) {
}
