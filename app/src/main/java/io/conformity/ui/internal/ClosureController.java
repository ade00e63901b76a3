package io.conformity.ui.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.assessment.AssessmentApi;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemException;
import io.conformity.product.ProductApi;
import io.conformity.workflow.CloseCommand;
import io.conformity.workflow.WorkflowApi;
import jakarta.validation.ConstraintViolationException;

/** The compliance officer closes an assessment in progress as not certifiable, with the reason. */
@Controller
@PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
class ClosureController {

    private final WorkflowApi workflow;
    private final IdentityApi identity;
    private final AssessmentApi assessments;
    private final ProductApi products;

    ClosureController(WorkflowApi workflow, IdentityApi identity, AssessmentApi assessments, ProductApi products) {
        this.workflow = workflow;
        this.identity = identity;
        this.assessments = assessments;
        this.products = products;
    }

    @GetMapping("/assessments/{id}/closure")
    ModelAndView form(@PathVariable UUID id) {
        return page(id, "", FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/assessments/{id}/closure")
    ModelAndView close(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason) {
        try {
            workflow.closeNotCertified(identity.currentUser(), id, new CloseCommand(reason));
            return Redirects.seeOther("/assessments/" + id);
        } catch (ProblemException e) {
            return page(id, reason, FormErrors.of(e), e.getStatusCode());
        } catch (ConstraintViolationException e) {
            return page(id, reason, FormErrors.of(e), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView page(UUID id, String reason, FormErrors errors, HttpStatusCode status) {
        var assessment = assessments.assessment(id);
        ModelAndView page = new ModelAndView("ui/tasks/closure", status);
        page.addObject("assessment", assessment);
        page.addObject("release", products.releaseDetails(assessment.releaseId()));
        page.addObject("reason", reason);
        page.addObject("errors", errors);
        return page;
    }
}
