package io.conformity.workflow.internal;

import org.springframework.stereotype.Component;

import io.conformity.workflow.WorkflowProperties;

/**
 * The retry policy of {@code Task_IssueDeclaration}, read by the BPMN as {@code ${issuancePolicy.retryCycle}} so an
 * operator sets it in the configuration rather than in the model.
 */
@Component("issuancePolicy")
class IssuancePolicy {

    private final String retryCycle;

    IssuancePolicy(WorkflowProperties properties) {
        this.retryCycle = properties.issuanceRetryCycle();
    }

    public String getRetryCycle() {
        return retryCycle;
    }
}
