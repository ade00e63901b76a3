package io.conformity.workflow.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.audit.Audited;
import io.conformity.workflow.TaskDeadline;
import io.conformity.workflow.TaskKind;

/**
 * The timers of {@code CertificationProcess} ({@code Timer_ScopeReminder}, {@code Timer_ScopeOverdue},
 * {@code Timer_CollectReminder}, {@code Timer_CollectOverdue}, {@code Timer_ReviewReminder},
 * {@code Timer_ReviewOverdue}, {@code Timer_ApproveReminder}, {@code Timer_ApproveOverdue}): when one fires, publishes
 * {@link TaskDeadline} for the task it is attached to, which stays waiting, and audits it. The boundary event's
 * {@code deadline} property says which kind; it runs in the timer job's transaction.
 */
@Component("taskDeadlineDelegate")
class TaskDeadlineDelegate implements ExecutionListener {

    private final TaskService tasks;
    private final AssessmentApi assessments;
    private final ApplicationEventPublisher events;

    TaskDeadlineDelegate(TaskService tasks, AssessmentApi assessments, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.assessments = assessments;
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
        TaskDeadline.Kind kind = TaskDeadline.Kind.valueOf(property(timer, "deadline"));
        String elementId = timer.getAttachedTo().getId();
        TaskKind taskKind = TaskKind.ofElement(elementId)
                .orElseThrow(
                        () -> new IllegalStateException("Timer " + timer.getId() + " on unknown task " + elementId));
        String principle = taskKind.ofPrinciple() ? (String) execution.getVariable(ProcessVariables.PRINCIPLE) : null;
        Task task = waiting(execution.getProcessInstanceId(), elementId, principle);
        UUID assessmentId = UUID.fromString((String) execution.getVariable(ProcessVariables.ASSESSMENT_ID));
        Instant dueAt = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        TaskDeadline deadline = new TaskDeadline(
                kind,
                task.getId(),
                task.getName(),
                assessmentId,
                assessments.productOf(assessmentId),
                principle,
                taskKind.role(),
                dueAt);
        events.publishEvent(deadline);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("taskId", task.getId());
        change.put("task", elementId);
        change.put("principle", principle);
        change.put("role", taskKind.role().group());
        change.put("dueAt", dueAt);
        events.publishEvent(new Audited(
                kind == TaskDeadline.Kind.REMINDER ? "task.reminder" : "task.overdue",
                "assessment",
                assessmentId.toString(),
                change,
                execution.getProcessInstanceId(),
                null));
    }

    /** The task the timer is attached to: at most one per element and principle waits at a time. */
    private Task waiting(String processInstanceId, String elementId, String principle) {
        List<Task> candidates = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(elementId)
                .list();
        return candidates.stream()
                .filter(t ->
                        principle == null || principle.equals(tasks.getVariable(t.getId(), ProcessVariables.PRINCIPLE)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No waiting " + elementId + " for principle " + principle + " in " + processInstanceId));
    }

    private static String property(BoundaryEvent timer, String name) {
        return timer
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaProperties.class)
                .singleResult()
                .getCamundaProperties()
                .stream()
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Timer " + timer.getId() + " has no " + name));
    }
}
