package io.conformity.workflow.internal;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.conformity.declaration.DeclarationApi;

/**
 * BPMN element {@code Task_IssueDeclaration} of {@code CertificationProcess}: renders, stores and registers the
 * declarations (one per regime in scope) once the signatory approved. Runs in the approving transaction, so a failure leaves the approval
 * task open.
 */
@Component("issueDeclarationDelegate")
class IssueDeclarationDelegate implements JavaDelegate {

    private final DeclarationApi declarations;

    IssueDeclarationDelegate(DeclarationApi declarations) {
        this.declarations = declarations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        declarations.issue(UUID.fromString((String) execution.getVariable(ProcessVariables.ASSESSMENT_ID)));
    }
}
