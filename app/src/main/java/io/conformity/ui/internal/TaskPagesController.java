package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.ScopeOverrideCommand;
import io.conformity.assessment.Verdict;
import io.conformity.assessment.VerdictCommand;
import io.conformity.declaration.DeclarationApi;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductApi;
import io.conformity.workflow.ApproveCommand;
import io.conformity.workflow.RequirementSheet;
import io.conformity.workflow.ReviewCommand;
import io.conformity.workflow.ScopeCommand;
import io.conformity.workflow.SubmitCommand;
import io.conformity.workflow.TaskDetail;
import io.conformity.workflow.WorkflowApi;
import jakarta.validation.ConstraintViolationException;

/** One page per task, chosen by its kind: scope confirmation, evidence collection, review and approval. */
@Controller
@PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
class TaskPagesController {

    private static final FormErrors UNKNOWN_REVIEW_DECISION =
            FormErrors.of("Choose \"Accept principle\" or \"Send back to the engineer\"; nothing was recorded.");
    private static final FormErrors UNKNOWN_APPROVAL_DECISION =
            FormErrors.of("Choose \"Approve and issue\" or \"Reject and reopen\"; nothing was recorded.");

    private final WorkflowApi workflow;
    private final IdentityApi identity;
    private final AssessmentApi assessments;
    private final ProductApi products;
    private final DeclarationApi declarations;

    TaskPagesController(
            WorkflowApi workflow,
            IdentityApi identity,
            AssessmentApi assessments,
            ProductApi products,
            DeclarationApi declarations) {
        this.declarations = declarations;
        this.workflow = workflow;
        this.identity = identity;
        this.assessments = assessments;
        this.products = products;
    }

    @GetMapping("/tasks/{taskId}")
    ModelAndView task(@PathVariable String taskId, @RequestParam(required = false) String place) {
        TaskDetail detail = workflow.task(identity.currentUser(), taskId);
        Map<String, String> form = new LinkedHashMap<>();
        if (place != null) {
            form.put("placeOfIssue", place);
        }
        return page(detail, form, List.of(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/tasks/{taskId}/scope")
    ModelAndView confirmScope(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params) {
        TaskDetail detail = workflow.task(identity.currentUser(), taskId);
        Map<String, String> form = params.toSingleValueMap();
        List<ScopeOverrideCommand> overrides = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (RequirementAssessmentView r : assessment(detail).requirements()) {
            String chosen = form.get("applicable-" + r.id());
            if (chosen == null || chosen.equals(r.computedApplicable() ? "yes" : "no")) {
                continue;
            }
            overrides.add(new ScopeOverrideCommand(
                    r.id(), chosen.equals("yes"), blankToNull(form.get("justification-" + r.id()))));
            keys.add(r.id().toString());
        }
        Map<String, String> renamed = Map.of(
                "justification",
                "justification-",
                "applicable",
                "applicable-",
                "requirementAssessmentId",
                "applicable-");
        try {
            workflow.confirmScope(
                    identity.currentUser(), taskId, new ScopeCommand(overrides, blankToNull(form.get("comment"))));
            return Redirects.seeOther("/assessments/" + detail.task().assessmentId());
        } catch (ProblemException e) {
            requireFormRefusal(e);
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "overrides", keys, renamed);
            if (e.type() == ProblemType.SCOPE_OVERRIDE_REFUSED) {
                errors = FieldErrors.named(
                        errors,
                        e,
                        id -> "applicable-" + id,
                        "A mandatory requirement the product profile makes applicable cannot be marked not"
                                + " applicable.");
            }
            return page(detail, form, List.of(), errors, e.getStatusCode());
        } catch (ConstraintViolationException e) {
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "overrides", keys, renamed);
            return page(detail, form, List.of(), errors, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/tasks/{taskId}/submit")
    ModelAndView submit(@PathVariable String taskId, @RequestParam(defaultValue = "") String comment) {
        TaskDetail detail = workflow.task(identity.currentUser(), taskId);
        Map<String, String> form = Map.of("comment", comment);
        try {
            workflow.submit(identity.currentUser(), taskId, new SubmitCommand(blankToNull(comment)));
            return Redirects.seeOther("/assessments/" + detail.task().assessmentId());
        } catch (ProblemException e) {
            requireFormRefusal(e);
            FormErrors errors = FormErrors.of(e);
            if (e.type() == ProblemType.EVIDENCE_MISSING) {
                errors = FieldErrors.named(
                        errors,
                        e,
                        id -> "requirement-" + id,
                        "No evidence and no statement of why none exists: upload evidence or state why there is"
                                + " none on the assessment page.");
            }
            return page(detail, form, List.of(), errors, e.getStatusCode());
        } catch (ConstraintViolationException e) {
            return page(detail, form, List.of(), FormErrors.of(e), HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/tasks/{taskId}/review")
    ModelAndView review(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params) {
        TaskDetail detail = workflow.task(identity.currentUser(), taskId);
        Map<String, String> form = params.toSingleValueMap();
        List<VerdictCommand> verdicts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (RequirementSheet sheet : detail.requirements()) {
            UUID id = sheet.requirement().id();
            Verdict verdict = verdict(form.get("verdict-" + id));
            if (verdict == null) {
                unreadable.put("verdict-" + id, "choose PASS or FAIL");
                continue;
            }
            verdicts.add(new VerdictCommand(id, verdict, blankToNull(form.get("justification-" + id))));
            keys.add(id.toString());
        }
        // Only the two buttons name a decision; anything else (an altered form) decides nothing.
        ReviewCommand.Outcome decision = outcome(ReviewCommand.Outcome.class, form.get("decision"));
        if (decision == null) {
            return page(detail, form, List.of(), UNKNOWN_REVIEW_DECISION, HttpStatus.BAD_REQUEST);
        }
        if (!unreadable.isEmpty()) {
            return page(
                    detail,
                    form,
                    List.of(),
                    new FormErrors("Every requirement needs a verdict; nothing was recorded.", unreadable),
                    HttpStatus.BAD_REQUEST);
        }
        Map<String, String> renamed = Map.of(
                "verdict", "verdict-",
                "justification", "justification-",
                "requirementAssessmentId", "verdict-",
                "commentGivenWhenSendingBack", "comment");
        try {
            workflow.review(
                    identity.currentUser(),
                    taskId,
                    new ReviewCommand(verdicts, decision, blankToNull(form.get("comment"))));
            return Redirects.seeOther("/assessments/" + detail.task().assessmentId());
        } catch (ProblemException e) {
            requireFormRefusal(e);
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "verdicts", keys, renamed);
            if (e.type() == ProblemType.MANDATORY_REQUIREMENT_FAILED) {
                errors = FieldErrors.named(
                        errors,
                        e,
                        id -> "verdict-" + id,
                        "A mandatory requirement judged FAIL: the principle cannot be accepted. Send it back with"
                                + " what must change.");
            } else if (e.type() == ProblemType.JUSTIFICATION_MISSING) {
                errors = FieldErrors.named(
                        errors, e, id -> "justification-" + id, "This verdict needs a justification.");
            }
            return page(detail, form, List.of(), errors, e.getStatusCode());
        } catch (ConstraintViolationException e) {
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "verdicts", keys, renamed);
            return page(detail, form, List.of(), errors, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/tasks/{taskId}/approve")
    ModelAndView approve(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params) {
        TaskDetail detail = workflow.task(identity.currentUser(), taskId);
        Map<String, String> form = params.toSingleValueMap();
        ApproveCommand.Outcome decision = outcome(ApproveCommand.Outcome.class, form.get("decision"));
        List<String> chosen = params.getOrDefault("reopen", List.of());
        if (decision == null) {
            return page(detail, form, chosen, UNKNOWN_APPROVAL_DECISION, HttpStatus.BAD_REQUEST);
        }
        boolean approving = decision == ApproveCommand.Outcome.APPROVE;
        List<ApproveCommand.Reopen> reopen = chosen.stream()
                .map(p -> new ApproveCommand.Reopen(p, blankToNull(form.get("reason-" + p))))
                .toList();
        ApproveCommand command = approving
                ? new ApproveCommand(
                        ApproveCommand.Outcome.APPROVE,
                        blankToNull(form.get("placeOfIssue")),
                        blankToNull(form.get("comment")))
                : new ApproveCommand(
                        ApproveCommand.Outcome.REJECT, null, blankToNull(form.get("rejectComment")), reopen);
        Map<String, String> renamed = Map.of(
                "reason",
                "reason-",
                "principle",
                "reopen-",
                "placeGivenWhenApproving",
                "placeOfIssue",
                "comment",
                approving ? "comment" : "rejectComment",
                "reopen",
                "reopen");
        try {
            workflow.approve(identity.currentUser(), taskId, command);
            return Redirects.seeOther("/assessments/" + detail.task().assessmentId());
        } catch (ProblemException e) {
            requireFormRefusal(e);
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "reopen", chosen, renamed);
            return page(detail, form, chosen, errors, e.getStatusCode());
        } catch (ConstraintViolationException e) {
            FormErrors errors = FieldErrors.indexed(FormErrors.of(e), "reopen", chosen, renamed);
            return page(detail, form, chosen, errors, HttpStatus.BAD_REQUEST);
        }
    }

    /** The task's page, with what the person typed and the refusal's messages at their fields. */
    private ModelAndView page(
            TaskDetail detail,
            Map<String, String> typed,
            List<String> reopen,
            FormErrors errors,
            HttpStatusCode status) {
        AssessmentView assessment = assessment(detail);
        Map<String, String> form = new LinkedHashMap<>();
        // The fields this page has, each with the name the summary at the top links it by; any other message of a
        // refusal is listed there in words.
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("comment", "Comment");
        String view;
        ModelAndView page = new ModelAndView();
        switch (detail.task().kind()) {
            case CONFIRM_SCOPE -> {
                view = "ui/tasks/scope";
                Map<String, List<RequirementAssessmentView>> byPrinciple = new LinkedHashMap<>();
                for (RequirementAssessmentView r : assessment.requirements()) {
                    byPrinciple
                            .computeIfAbsent(r.principle(), p -> new ArrayList<>())
                            .add(r);
                    form.put("applicable-" + r.id(), r.computedApplicable() ? "yes" : "no");
                    labels.put("applicable-" + r.id(), "Applicability of " + r.requirementId());
                    labels.put("justification-" + r.id(), "Justification for " + r.requirementId());
                }
                page.addObject("principles", byPrinciple);
            }
            case COLLECT_EVIDENCE -> {
                view = "ui/tasks/collect";
                detail.requirements()
                        .forEach(s -> labels.put(
                                "requirement-" + s.requirement().id(),
                                s.requirement().requirementId()));
            }
            case REVIEW_PRINCIPLE -> {
                view = "ui/tasks/review";
                for (RequirementSheet s : detail.requirements()) {
                    RequirementAssessmentView r = s.requirement();
                    Verdict proposed =
                            r.verdict() != null ? r.verdict() : s.suggestion().verdict();
                    form.put("verdict-" + r.id(), proposed == null ? "" : proposed.name());
                    form.put("justification-" + r.id(), r.justification() == null ? "" : r.justification());
                    labels.put("verdict-" + r.id(), "Verdict on " + r.requirementId());
                    labels.put("justification-" + r.id(), "Justification for " + r.requirementId());
                }
                page.addObject("verdicts", Verdict.values());
            }
            case APPROVE_DECLARATION -> {
                view = "ui/tasks/approval";
                Set<String> principles = new LinkedHashSet<>();
                assessment.requirements().stream()
                        .filter(RequirementAssessmentView::applicable)
                        .forEach(r -> principles.add(r.principle()));
                labels.put("placeOfIssue", "Place of issue");
                labels.put("rejectComment", "Comment on the rejection");
                labels.put("reopen", "Principles to reopen");
                principles.forEach(p -> {
                    labels.put("reopen-" + p, "Principle " + p);
                    labels.put("reason-" + p, "Reason for reopening principle " + p);
                });
                page.addObject("principlesInScope", List.copyOf(principles));
                page.addObject("reopen", Set.copyOf(reopen));
                String place = typed.getOrDefault("placeOfIssue", "");
                page.addObject("place", place);
                try {
                    page.addObject(
                            "previewPages",
                            declarations
                                    .previewPages(assessment.id(), null, place)
                                    .size());
                } catch (ProblemException e) {
                    // The approval itself would be refused for the same reason; the page says so where the
                    // preview would be.
                    page.addObject("previewPages", 0);
                    page.addObject("previewProblem", e.getBody().getDetail());
                }
            }
            default ->
                throw new IllegalStateException("No page for " + detail.task().kind());
        }
        form.putAll(typed);
        page.setViewName(view);
        page.setStatus(status);
        page.addObject("task", detail.task());
        page.addObject("detail", detail);
        page.addObject("assessment", assessment);
        page.addObject("release", products.releaseDetails(assessment.releaseId()));
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("shown", List.copyOf(labels.keySet()));
        page.addObject("labels", labels);
        return page;
    }

    /**
     * A refusal that leaves no task to complete (someone completed it, or the approval found a sign-off void and
     * sent principles back to review) is shown as a page of its own: the form would only be refused again.
     */
    private static void requireFormRefusal(ProblemException e) {
        if (e.type() == ProblemType.TASK_COMPLETED
                || e.type() == ProblemType.SIGNOFF_VOID
                || e.type() == ProblemType.WRONG_TASK_KIND) {
            throw e;
        }
    }

    private AssessmentView assessment(TaskDetail detail) {
        return assessments.assessment(detail.task().assessmentId());
    }

    /** The constant the form's {@code decision} names exactly, or null for a missing or unknown one. */
    private static <E extends Enum<E>> E outcome(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static Verdict verdict(String value) {
        if (value == null) {
            return null;
        }
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(value)) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
