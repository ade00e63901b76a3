package io.conformity.assessment;

/** The TS 103 701 verdicts; there is no INCONCLUSIVE in the standard, so none here. */
public enum Verdict {
    PASS,
    FAIL
}
