package io.conformity.signoff;

/** What a sign-off decided. */
public enum Decision {
    SUBMITTED,
    ACCEPTED,
    SENT_BACK,
    APPROVED,
    REJECTED
}
