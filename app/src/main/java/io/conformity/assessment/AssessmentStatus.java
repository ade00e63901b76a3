package io.conformity.assessment;

public enum AssessmentStatus {
    IN_PROGRESS,
    APPROVED,
    ISSUED
}
