package io.conformity.workflow;

import java.util.List;
import java.util.UUID;

import io.conformity.assessment.AssessmentView;
import io.conformity.identity.CurrentUser;
import jakarta.validation.Valid;

/**
 * The task inbox and task completion. A caller sees and completes only the tasks of their roles; the outcome is
 * recorded in the assessment and sign-off modules in the same transaction as the engine's step.
 */
public interface WorkflowApi {

    List<TaskView> tasks(CurrentUser user, UUID assessmentId);

    /** The task with its principle's requirements and conversation. */
    TaskDetail task(CurrentUser user, String taskId);

    /**
     * The requirements of a principle task, each with its evidence, findings and suggested verdict: what the
     * engineer works towards and the reviewer judges.
     */
    List<RequirementSheet> requirements(CurrentUser user, String taskId);

    /**
     * Completes the scope step: records the officer's overrides of the computed applicability, then opens the
     * principles in scope for evidence collection.
     */
    void confirmScope(CurrentUser user, String taskId, @Valid ScopeCommand command);

    void submit(CurrentUser user, String taskId, @Valid SubmitCommand command);

    void review(CurrentUser user, String taskId, @Valid ReviewCommand command);

    /**
     * Records the signatory's decision. An approval schedules the issuance as a background job and returns: the
     * assessment is APPROVED until the job has issued its declarations, then ISSUED.
     */
    void approve(CurrentUser user, String taskId, @Valid ApproveCommand command);

    /**
     * The compliance officer ends an assessment in progress as not certifiable: the process and its tasks end, the
     * reason is recorded as a decision on the assessment.
     */
    AssessmentView closeNotCertified(CurrentUser user, UUID assessmentId, @Valid CloseCommand command);

    /** Issuances that failed after every retry, oldest first. */
    List<IssuanceIncidentView> issuanceIncidents();

    /** Gives a failed issuance one more attempt, in the background. */
    void retryIssuance(String incidentId);

    /**
     * The requirements of one principle of an assessment the caller may read, each with its evidence, findings and
     * suggested verdict, as {@link #requirements} gives them for a task: for pages that show the whole assessment.
     */
    List<RequirementSheet> requirementSheets(UUID assessmentId, String principle);

    /**
     * As {@link #requirementSheets(UUID, String)} for every principle of the assessment at once, in the assessment's
     * order, read in a few queries however many principles it has: for the page that shows them all.
     */
    List<RequirementSheet> requirementSheets(UUID assessmentId);
}
