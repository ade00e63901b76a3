package io.conformity.workflow.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.audit.Audited;
import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationView;

/**
 * BPMN element {@code Task_IssueDeclaration} of {@code CertificationProcess}: renders, stores and registers the
 * declarations (one per regime in scope) once the signatory approved. Runs as an engine job after the approval
 * committed, in the job's transaction: a failure rolls back the register and the assessment's status together
 * (the declaration module releases any file it stored), and the engine retries, then raises an incident.
 */
@Component("issueDeclarationDelegate")
class IssueDeclarationDelegate implements JavaDelegate {

    private final DeclarationApi declarations;
    private final AssessmentApi assessments;
    private final ApplicationEventPublisher events;

    IssueDeclarationDelegate(DeclarationApi declarations, AssessmentApi assessments, ApplicationEventPublisher events) {
        this.events = events;
        this.declarations = declarations;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID assessmentId = UUID.fromString((String) execution.getVariable(ProcessVariables.ASSESSMENT_ID));
        List<DeclarationView> issued = declarations.issue(assessmentId);
        // The declaration module only reads the assessment; moving it on is the process's step.
        assessments.markIssued(assessmentId);
        events.publishEvent(new Audited(
                "process.issue-job-completed",
                "assessment",
                assessmentId.toString(),
                Map.of(
                        "activity", execution.getCurrentActivityId(),
                        "declarationIds",
                                issued.stream().map(DeclarationView::id).toList()),
                execution.getProcessInstanceId(),
                null));
    }
}
