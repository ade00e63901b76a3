package io.conformity.workflow.internal;

/** The only variables {@code CertificationProcess} carries: ids, codes and gateway flags. */
final class ProcessVariables {

    static final String ASSESSMENT_ID = "assessmentId";
    static final String PRINCIPLES = "principles";
    static final String PRINCIPLE = "principle";
    static final String ACCEPTED = "accepted";
    static final String APPROVED = "approved";
    /** Set with {@code approved = false} when acceptances became void: only their principles go back, to review. */
    static final String REVIEW_AGAIN = "reviewAgain";

    static final String PRINCIPLES_TO_REVIEW = "principlesToReview";

    /** Set with {@code approved = false} by the signatory's rejection: only these principles go back to collection. */
    static final String PRINCIPLES_TO_REOPEN = "principlesToReopen";

    private ProcessVariables() {}
}
