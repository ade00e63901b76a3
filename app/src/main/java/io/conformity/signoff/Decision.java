package io.conformity.signoff;

/** What a sign-off decided. */
public enum Decision {
    /** The compliance officer confirmed the assessment's scope (with any overrides) before collection. */
    SCOPE_CONFIRMED,
    SUBMITTED,
    ACCEPTED,
    SENT_BACK,
    APPROVED,
    REJECTED,
    /** The compliance officer closed the assessment: the product cannot be certified as it is. */
    CLOSED
}
