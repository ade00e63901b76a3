package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Scope;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.Severity;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemException;
import io.conformity.workflow.TaskView;
import io.conformity.workflow.WorkflowApi;

/** The compliance officer's overview: their products' assessments by status, each drawn as principles and findings. */
@Controller
class DashboardController {

    static final int PAGE_SIZE = 10;

    private final AssessmentApi assessments;
    private final EvidenceApi evidence;
    private final WorkflowApi workflow;
    private final IdentityApi identity;
    private final AssessmentLabels labels;
    private final CatalogApi catalog;

    DashboardController(
            AssessmentApi assessments,
            EvidenceApi evidence,
            WorkflowApi workflow,
            IdentityApi identity,
            AssessmentLabels labels,
            CatalogApi catalog) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.workflow = workflow;
        this.identity = identity;
        this.labels = labels;
        this.catalog = catalog;
    }

    /** One assessment as the dashboard draws it. */
    public record Row(
            AssessmentView assessment,
            AssessmentLabels.Label label,
            Grid grid,
            SeverityBar findings,
            List<TaskView> tasks,
            long overdue) {}

    @GetMapping("/dashboard")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    String dashboard(
            @RequestParam(required = false) AssessmentStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AssessmentStatus shown = status == null ? AssessmentStatus.IN_PROGRESS : status;
        Map<AssessmentStatus, Long> counts = assessments.countByStatus();
        Page<AssessmentView> found = assessments.assessments(
                null, shown, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "openedAt")));
        Map<UUID, List<TaskView>> tasks = workflow.tasks(identity.currentUser(), null).stream()
                .collect(Collectors.groupingBy(TaskView::assessmentId));
        Map<UUID, Map<Severity, Long>> findings =
                evidence.findingCounts(found.map(AssessmentView::id).getContent());
        AssessmentLabels.Lookup lookup = labels.lookup();
        // Assessments opened under the same regimes and version share their principles' names.
        Map<List<Object>, Map<String, String>> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AssessmentView assessment : found) {
            List<TaskView> mine = tasks.getOrDefault(assessment.id(), List.of());
            rows.add(new Row(
                    assessment,
                    lookup.ofRelease(assessment.releaseId()),
                    Grid.of(
                            PrincipleStates.of(assessment.requirements(), mine),
                            names.computeIfAbsent(
                                    Arrays.asList(assessment.regimes(), assessment.en303645Version()),
                                    key -> principleNames(assessment))),
                    SeverityBar.of(findings.getOrDefault(assessment.id(), Map.of())),
                    mine,
                    mine.stream().filter(TaskView::overdue).count()));
        }
        model.addAttribute("status", shown);
        model.addAttribute("counts", counts);
        model.addAttribute("page", found);
        model.addAttribute("rows", rows);
        model.addAttribute("states", PrincipleState.values());
        model.addAttribute("severities", SeverityBar.ORDER);
        return "ui/dashboard";
    }

    /** The principles' names as the catalog's scope gives them; none when the catalog no longer offers the scope. */
    private Map<String, String> principleNames(AssessmentView assessment) {
        try {
            return catalog.scope(assessment.regimes(), assessment.en303645Version()).principles().stream()
                    .collect(Collectors.toMap(Scope.Principle::code, Scope.Principle::title, (a, b) -> a));
        } catch (ProblemException e) {
            return Map.of();
        }
    }
}
