package io.conformity.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.assessment.Verdict;
import io.conformity.evidence.Severity;
import io.conformity.workflow.TaskKind;
import io.conformity.workflow.TaskView;

class PrincipleStatesTests {

    private static final UUID ASSESSMENT = UUID.randomUUID();

    @Test
    void theFindingsBarCountsInWordsWithOneFindingSingular() {
        assertThat(SeverityBar.of(Map.of()).words()).isEqualTo("No findings");
        assertThat(SeverityBar.of(Map.of(Severity.HIGH, 1L)).words()).isEqualTo("1 finding");
        assertThat(SeverityBar.of(Map.of(Severity.HIGH, 1L, Severity.LOW, 2L)).words())
                .isEqualTo("3 findings");
    }

    @Test
    void aPrincipleWithoutApplicableRequirementsIsNotApplicable() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", false, RequirementStatus.NOT_APPLICABLE, null),
                        row("5.1", false, RequirementStatus.NOT_APPLICABLE, null))))
                .isEqualTo(PrincipleState.NOT_APPLICABLE);
    }

    @Test
    void openOrScopingRequirementsWaitForEvidence() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.ACCEPTED, Verdict.PASS),
                        row("5.1", true, RequirementStatus.OPEN, null),
                        row("5.1", false, RequirementStatus.NOT_APPLICABLE, null))))
                .isEqualTo(PrincipleState.WAITING);
        assertThat(PrincipleStates.state(List.of(row("5.1", true, RequirementStatus.SCOPING, null))))
                .isEqualTo(PrincipleState.WAITING);
    }

    @Test
    void aSubmittedPrincipleHasFindingsToReview() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.SUBMITTED, null),
                        row("5.1", true, RequirementStatus.SUBMITTED, null))))
                .isEqualTo(PrincipleState.REVIEW);
    }

    @Test
    void anAcceptedPrincipleFailsWhenAnyVerdictIsFail() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.ACCEPTED, Verdict.PASS),
                        row("5.1", false, RequirementStatus.NOT_APPLICABLE, null))))
                .isEqualTo(PrincipleState.ACCEPTED);
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.ACCEPTED, Verdict.PASS),
                        row("5.1", true, RequirementStatus.ACCEPTED, Verdict.FAIL))))
                .isEqualTo(PrincipleState.FAILED);
    }

    @Test
    void aPrincipleSentBackWithAFailIsFailedUntilSubmittedAgain() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.OPEN, Verdict.FAIL),
                        row("5.1", true, RequirementStatus.OPEN, Verdict.PASS))))
                .isEqualTo(PrincipleState.FAILED);
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.SUBMITTED, Verdict.FAIL),
                        row("5.1", true, RequirementStatus.SUBMITTED, Verdict.PASS))))
                .isEqualTo(PrincipleState.REVIEW);
    }

    @Test
    void aClosedAssessmentsPrinciplesAreClosedWhateverElseTheyHeld() {
        assertThat(PrincipleStates.state(List.of(
                        row("5.1", true, RequirementStatus.ACCEPTED, Verdict.PASS),
                        row("5.1", true, RequirementStatus.CLOSED, null))))
                .isEqualTo(PrincipleState.CLOSED);
    }

    @Test
    void cellsKeepTheCatalogsOrderAndMarkPrinciplesWithAnOverdueTask() {
        List<PrincipleStates.Cell> cells = PrincipleStates.of(
                List.of(
                        row("5.1", true, RequirementStatus.OPEN, null),
                        row("5.1", false, RequirementStatus.NOT_APPLICABLE, null),
                        row("5.2", true, RequirementStatus.ACCEPTED, Verdict.PASS),
                        row("4", false, RequirementStatus.NOT_APPLICABLE, null)),
                List.of(
                        task("5.1", true),
                        task("5.2", false),
                        // The scope step names no principle: it marks no cell.
                        task(null, true)));

        assertThat(cells)
                .containsExactly(
                        new PrincipleStates.Cell("5.1", PrincipleState.WAITING, 1, 2, true),
                        new PrincipleStates.Cell("5.2", PrincipleState.ACCEPTED, 1, 1, false),
                        new PrincipleStates.Cell("4", PrincipleState.NOT_APPLICABLE, 0, 1, false));
    }

    @Test
    void everyStateHasAWordAndASymbolBesideItsColour() {
        for (PrincipleState state : PrincipleState.values()) {
            assertThat(state.label()).isNotBlank();
            assertThat(state.symbol()).isNotBlank();
        }
        assertThat(List.of(PrincipleState.values()).stream()
                        .map(PrincipleState::symbol)
                        .distinct())
                .hasSize(PrincipleState.values().length);
    }

    private static RequirementAssessmentView row(
            String principle, boolean applicable, RequirementStatus status, Verdict verdict) {
        return new RequirementAssessmentView(
                UUID.randomUUID(),
                ASSESSMENT,
                principle,
                "urn:etsi:en:303645",
                "V2.1.1",
                principle + "-1",
                "title",
                "M",
                true,
                List.of("PSTI"),
                applicable,
                status,
                verdict,
                null,
                null,
                null,
                null,
                null,
                null,
                applicable,
                null,
                null,
                null);
    }

    private static TaskView task(String principle, boolean overdue) {
        return new TaskView(
                UUID.randomUUID().toString(),
                principle == null ? TaskKind.CONFIRM_SCOPE : TaskKind.COLLECT_EVIDENCE,
                "task",
                ASSESSMENT,
                principle,
                "ENGINEER",
                Instant.now(),
                Instant.now(),
                overdue);
    }
}
