package io.conformity.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.workflow.TaskKind;
import io.conformity.workflow.WorkflowProperties;
import io.conformity.workflow.WorkflowProperties.TaskDurations;

/**
 * The due dates of {@code CertificationProcess}'s user tasks and the times of their timers, read by the BPMN as
 * {@code ${deadlines.due(execution, 'COLLECT_EVIDENCE')}} (the task's {@code camunda:dueDate} and its overdue timer)
 * and {@code ${deadlines.reminder(execution, …)}} (its reminder timer). Counted on the engine's clock, the one its
 * timers fire on, from when the task is created.
 */
@Component("deadlines")
// Public, as the engine's expression language calls methods with arguments only on public classes.
public class Deadlines {

    private final AssessmentApi assessments;
    private final WorkflowProperties properties;

    Deadlines(AssessmentApi assessments, WorkflowProperties properties) {
        this.assessments = assessments;
        this.properties = properties;
    }

    public Date due(VariableScope execution, String kind) {
        return Date.from(now().plus(duration(execution, kind)));
    }

    public Date reminder(VariableScope execution, String kind) {
        Duration duration = duration(execution, kind);
        Duration before = properties.reminderBefore();
        // A reminder before the task could reasonably have been started helps nobody: at the latest, half-way.
        if (before.compareTo(duration.dividedBy(2)) > 0) {
            before = duration.dividedBy(2);
        }
        return Date.from(now().plus(duration).minus(before));
    }

    /** The task's time under the assessment's regimes: the shortest any of them sets. */
    Duration duration(VariableScope execution, String kind) {
        TaskKind task = TaskKind.valueOf(kind);
        UUID assessmentId = UUID.fromString((String) execution.getVariable(ProcessVariables.ASSESSMENT_ID));
        List<String> regimes = assessments.regimes(assessmentId);
        Map<String, TaskDurations> due = properties.due();
        Duration fallback = fallback(due, task);
        return regimes.stream()
                .map(regime -> configured(due, regime))
                .filter(Objects::nonNull)
                .map(d -> d.of(task))
                .filter(Objects::nonNull)
                .min(Duration::compareTo)
                .orElse(fallback);
    }

    private static Duration fallback(Map<String, TaskDurations> due, TaskKind task) {
        TaskDurations defaults = configured(due, WorkflowProperties.DEFAULT);
        Duration configured = defaults == null ? null : defaults.of(task);
        return configured != null ? configured : TaskDurations.BUILT_IN.of(task);
    }

    /** Regime codes are upper case and property keys often lower: matched either way. */
    private static TaskDurations configured(Map<String, TaskDurations> due, String key) {
        return due.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    // Whole seconds: the task's due date and its overdue timer, computed a moment apart, name the same instant.
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
