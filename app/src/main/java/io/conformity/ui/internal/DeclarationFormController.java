package io.conformity.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.evidence.DeclarationKindView;
import io.conformity.evidence.EvidenceApi;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

/** A structured declaration as a form generated from its JSON Schema, declared through the API's facade. */
@Controller
class DeclarationFormController {

    static final String VIEW = "ui/assessments/declaration";
    /** A submit button that asks for one more row of an array of objects instead of declaring. */
    static final String ADD_ROW = "_add";

    private final AssessmentPage page;
    private final AssessmentApi assessments;
    private final EvidenceApi evidence;
    private final IdentityApi identity;

    DeclarationFormController(
            AssessmentPage page, AssessmentApi assessments, EvidenceApi evidence, IdentityApi identity) {
        this.page = page;
        this.assessments = assessments;
        this.evidence = evidence;
        this.identity = identity;
    }

    @GetMapping("/assessments/{id}/requirements/{requirementId}/declarations/{kind}")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView form(@PathVariable UUID id, @PathVariable UUID requirementId, @PathVariable String kind) {
        return page(id, requirementId, kind, Map.of(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/assessments/{id}/requirements/{requirementId}/declarations/{kind}")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView declare(
            @PathVariable UUID id,
            @PathVariable UUID requirementId,
            @PathVariable String kind,
            HttpServletRequest request) {
        Map<String, String[]> posted = new HashMap<>(request.getParameterMap());
        posted.remove("_csrf");
        if (posted.remove(ADD_ROW) != null) {
            return page(id, requirementId, kind, posted, FormErrors.NONE, HttpStatus.OK);
        }
        page.requirementOf(id, requirementId);
        SchemaForm form = SchemaForm.of(evidence.declarationSchema(kind));
        try {
            evidence.declare(
                    requirementId,
                    kind,
                    form.json(posted),
                    identity.currentUser().username());
            return Redirects.seeOther("/assessments/" + id + "#req-" + requirementId);
        } catch (ProblemException e) {
            return page(id, requirementId, kind, posted, FormErrors.of(e), e.getStatusCode());
        }
    }

    private ModelAndView page(
            UUID id,
            UUID requirementId,
            String kind,
            Map<String, String[]> posted,
            FormErrors errors,
            HttpStatusCode status) {
        RequirementAssessmentView requirement = page.requirementOf(id, requirementId);
        assessments.requireReader(id, () -> new NotFoundException("Assessment", id));
        SchemaForm form = SchemaForm.of(evidence.declarationSchema(kind));
        DeclarationKindView about = evidence.declarationKinds().stream()
                .filter(k -> k.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Declaration kind", kind));
        SchemaForm.Rendered rendered = form.fields(posted, errors);
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("assessmentId", id);
        page.addObject("requirement", requirement);
        page.addObject("kind", about);
        page.addObject("description", form.description());
        page.addObject("fields", rendered.fields());
        page.addObject("unplaced", rendered.unplaced());
        page.addObject("errors", errors);
        return page;
    }
}
