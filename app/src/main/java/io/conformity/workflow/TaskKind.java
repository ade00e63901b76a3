package io.conformity.workflow;

import java.util.Arrays;
import java.util.Optional;

import io.conformity.identity.Role;

/** The user tasks of {@code CertificationProcess}, by BPMN element id, and the role that performs each. */
public enum TaskKind {
    CONFIRM_SCOPE("Task_ConfirmScope", Role.COMPLIANCE_OFFICER),
    COLLECT_EVIDENCE("Task_CollectEvidence", Role.ENGINEER),
    REVIEW_PRINCIPLE("Task_ReviewPrinciple", Role.COMPLIANCE_OFFICER),
    APPROVE_DECLARATION("Task_ApproveDeclaration", Role.SIGNATORY);

    private final String elementId;
    private final Role role;

    TaskKind(String elementId, Role role) {
        this.elementId = elementId;
        this.role = role;
    }

    public String elementId() {
        return elementId;
    }

    public Role role() {
        return role;
    }

    /** Whether the task is about one principle; the scope step and the approval concern the whole assessment. */
    public boolean ofPrinciple() {
        return this == COLLECT_EVIDENCE || this == REVIEW_PRINCIPLE;
    }

    public static Optional<TaskKind> ofElement(String elementId) {
        return Arrays.stream(values())
                .filter(k -> k.elementId.equals(elementId))
                .findFirst();
    }
}
