package io.conformity.assessment.internal;

import io.conformity.assessment.ConformityRoute.AppliedStandard;
import io.conformity.assessment.ConformityRoute.AssuranceLevel;
import io.conformity.assessment.ConformityRoute.StandardKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One row of {@code assessment_cra_standard}: a standard, specification or certification the route rests on. */
@Embeddable
class CraStandard {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private StandardKind kind;

    @Column(nullable = false, length = 300)
    private String reference;

    @Column(name = "applied_in_full", nullable = false)
    private boolean appliedInFull;

    @Enumerated(EnumType.STRING)
    @Column(name = "assurance_level", length = 20)
    private AssuranceLevel assuranceLevel;

    protected CraStandard() {}

    CraStandard(AppliedStandard standard) {
        this.kind = standard.kind();
        this.reference = standard.reference().strip();
        this.appliedInFull = standard.appliedInFull();
        this.assuranceLevel = standard.assuranceLevel();
    }

    AppliedStandard view() {
        return new AppliedStandard(kind, reference, appliedInFull, assuranceLevel);
    }
}
