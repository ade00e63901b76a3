package io.conformity.assessment;

/** Where a requirement assessment stands in the per-principle loop. */
public enum RequirementStatus {
    /**
     * Applicable as computed, waiting for the compliance officer to confirm the scope: no evidence yet, since the
     * confirmation may still take it out of scope.
     */
    SCOPING,
    /** Evidence is being collected (also after a send-back or a rejection). */
    OPEN,
    /** The engineer submitted the principle for review. */
    SUBMITTED,
    /** The officer accepted the principle with a verdict on this requirement. */
    ACCEPTED,
    /** The product profile makes it not applicable; it carries a generated justification and no verdict. */
    NOT_APPLICABLE,
    /** Its assessment was closed as not certifiable before it was settled: it takes nothing more. */
    CLOSED
}
