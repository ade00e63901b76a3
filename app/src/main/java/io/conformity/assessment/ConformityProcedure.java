package io.conformity.assessment;

/** The conformity-assessment procedures of CRA Article 32 (modules of Annex VIII, or a certification scheme). */
public enum ConformityProcedure {
    INTERNAL_CONTROL("Internal control (module A)", false),
    EU_TYPE_EXAMINATION("EU-type examination (module B) and conformity to type (module C)", true),
    FULL_QUALITY_ASSURANCE("Full quality assurance (module H)", true),
    EU_CYBERSECURITY_CERTIFICATION("European cybersecurity certification scheme", false);

    private final String wording;
    private final boolean notifiedBody;

    ConformityProcedure(String wording, boolean notifiedBody) {
        this.wording = wording;
        this.notifiedBody = notifiedBody;
    }

    /** The procedure as a declaration states it. */
    public String wording() {
        return wording;
    }

    /** Whether a notified body takes part (and issues a certificate). */
    public boolean needsNotifiedBody() {
        return notifiedBody;
    }
}
