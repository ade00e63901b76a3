package io.conformity.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.assessment.RequirementStatus;
import io.conformity.problem.ProblemException;

/** The scope step's transitions of one requirement assessment. */
class RequirementAssessmentTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void anApplicableRequirementWaitsForTheScopeThenOpensForEvidence() {
        RequirementAssessment row = row(null);
        assertThat(row.status()).isEqualTo(RequirementStatus.SCOPING);
        assertThatThrownBy(() -> row.stateNoEvidence("none", "eve", NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("scope");

        row.openForEvidence();

        assertThat(row.status()).isEqualTo(RequirementStatus.OPEN);
        assertThat(row.view().scopeOverridden()).isFalse();
        assertThat(row.view().computedApplicable()).isTrue();
    }

    @Test
    void takenOutOfScopeItCarriesTheOfficersJustificationAndStaysOutOfCollection() {
        RequirementAssessment row = row(null);

        row.overrideApplicability(false, "No such interface", "olu", NOW);
        row.openForEvidence();

        assertThat(row.status()).isEqualTo(RequirementStatus.NOT_APPLICABLE);
        assertThat(row.justification()).isEqualTo("No such interface");
        assertThat(row.view()).satisfies(v -> {
            assertThat(v.applicable()).isFalse();
            assertThat(v.computedApplicable()).isTrue();
            assertThat(v.scopeOverriddenBy()).isEqualTo("olu");
            assertThat(v.scopeOverriddenAt()).isEqualTo(NOW);
        });
    }

    @Test
    void broughtIntoScopeItDropsTheGeneratedJustificationAndOpensWithTheRest() {
        RequirementAssessment row = row("Not applicable: condition (1) does not hold.");
        assertThat(row.status()).isEqualTo(RequirementStatus.NOT_APPLICABLE);

        row.overrideApplicability(true, "A fallback PIN exists", "olu", NOW);
        row.openForEvidence();

        assertThat(row.status()).isEqualTo(RequirementStatus.OPEN);
        assertThat(row.justification()).isNull();
        assertThat(row.view().scopeJustification()).isEqualTo("A fallback PIN exists");
        assertThat(row.view().computedApplicable()).isFalse();
    }

    @Test
    void onceCollectionStartedTheScopeCannotBeOverridden() {
        RequirementAssessment row = row(null);
        row.openForEvidence();
        assertThatThrownBy(() -> row.overrideApplicability(false, "Late", "olu", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    private static RequirementAssessment row(String notApplicableBecause) {
        return new RequirementAssessment(
                UUID.randomUUID(),
                0,
                "1",
                "urn:etsi:en:303645",
                "V2.1.1",
                "5.1-1",
                "No universal default passwords",
                "M C (1)",
                true,
                List.of("PSTI"),
                notApplicableBecause);
    }
}
