package io.conformity.workflow.internal;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.assessment.AssessmentView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ProblemResponses;
import io.conformity.workflow.CloseCommand;
import io.conformity.workflow.WorkflowApi;

@RestController
class AssessmentClosureController {

    private final WorkflowApi workflow;
    private final IdentityApi identity;

    AssessmentClosureController(WorkflowApi workflow, IdentityApi identity) {
        this.workflow = workflow;
        this.identity = identity;
    }

    /**
     * Ends an assessment in progress because the product cannot be certified as it is (for example a mandatory
     * requirement that fails by design): its tasks are withdrawn, the reason joins the conversation, and the release
     * may be assessed again.
     */
    @PostMapping("/api/v1/assessments/{id}/closure")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ProblemResponses({ProblemType.FORBIDDEN, ProblemType.ASSESSMENT_STATE})
    AssessmentView close(@PathVariable UUID id, @RequestBody CloseCommand command) {
        return workflow.closeNotCertified(identity.currentUser(), id, command);
    }
}
