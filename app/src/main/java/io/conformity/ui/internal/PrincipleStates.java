package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.assessment.Verdict;
import io.conformity.workflow.TaskView;

/**
 * Works out each principle's state from its requirements' statuses and verdicts, and which principles wait on an
 * overdue task. The requirements are the truth; the tasks only add lateness, which the requirements do not know.
 */
public final class PrincipleStates {

    private PrincipleStates() {}

    /** One cell of the grid. */
    public record Cell(String principle, PrincipleState state, int applicable, int total, boolean overdue) {}

    /** The principles in the requirements' order (the catalog's), each with its state. */
    static List<Cell> of(List<RequirementAssessmentView> requirements, List<TaskView> tasks) {
        Map<String, List<RequirementAssessmentView>> byPrinciple = new LinkedHashMap<>();
        for (RequirementAssessmentView requirement : requirements) {
            byPrinciple
                    .computeIfAbsent(requirement.principle(), p -> new ArrayList<>())
                    .add(requirement);
        }
        Set<String> late = tasks.stream()
                .filter(TaskView::overdue)
                .filter(t -> t.principle() != null)
                .map(TaskView::principle)
                .collect(Collectors.toSet());
        List<Cell> cells = new ArrayList<>();
        byPrinciple.forEach((principle, rows) -> {
            int applicable = (int)
                    rows.stream().filter(RequirementAssessmentView::applicable).count();
            cells.add(new Cell(principle, state(rows), applicable, rows.size(), late.contains(principle)));
        });
        return cells;
    }

    /**
     * Closed wins (nothing more happens), then a submission waiting for review; a FAIL verdict (kept when the officer
     * sends the principle back, or recorded on a requirement that is not mandatory) marks it failed until it is
     * submitted again; then open requirements wait for evidence; only the rest is accepted.
     */
    static PrincipleState state(List<RequirementAssessmentView> rows) {
        List<RequirementAssessmentView> applicable =
                rows.stream().filter(RequirementAssessmentView::applicable).toList();
        if (applicable.isEmpty()) {
            return PrincipleState.NOT_APPLICABLE;
        }
        if (has(applicable, RequirementStatus.CLOSED)) {
            return PrincipleState.CLOSED;
        }
        if (has(applicable, RequirementStatus.SUBMITTED)) {
            return PrincipleState.REVIEW;
        }
        if (applicable.stream().anyMatch(r -> r.verdict() == Verdict.FAIL)) {
            return PrincipleState.FAILED;
        }
        if (has(applicable, RequirementStatus.OPEN) || has(applicable, RequirementStatus.SCOPING)) {
            return PrincipleState.WAITING;
        }
        return PrincipleState.ACCEPTED;
    }

    private static boolean has(List<RequirementAssessmentView> rows, RequirementStatus status) {
        return rows.stream().anyMatch(r -> r.status() == status);
    }
}
