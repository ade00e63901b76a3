package io.conformity.assessment;

public enum AssessmentStatus {
    IN_PROGRESS,
    APPROVED,
    ISSUED,
    /** Closed by the compliance officer: the product cannot be certified as it is. Final; no declaration. */
    NOT_CERTIFIED
}
