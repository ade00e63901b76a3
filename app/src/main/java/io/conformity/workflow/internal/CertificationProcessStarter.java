package io.conformity.workflow.internal;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentOpened;
import io.conformity.assessment.AssessmentScopeConfirmed;
import io.conformity.audit.Audited;
import io.conformity.workflow.TaskKind;

/**
 * Starts {@code CertificationProcess} for a newly opened assessment, and moves it past the scope step once the scope
 * is confirmed, synchronously inside the assessment's transaction: if the engine refuses, nothing is recorded.
 */
@Component
class CertificationProcessStarter {

    static final String PROCESS_KEY = "CertificationProcess";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;

    CertificationProcessStarter(RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
    }

    /**
     * Collection starts on the principles the confirmed scope leaves: the waiting {@code Task_ConfirmScope} completes
     * with them, whoever confirmed (the officer's task, or the demo data at start-up).
     */
    @EventListener
    void on(AssessmentScopeConfirmed confirmed) {
        Task scope = tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(confirmed.assessmentId().toString())
                .taskDefinitionKey(TaskKind.CONFIRM_SCOPE.elementId())
                .singleResult();
        if (scope == null) {
            // The assessment module confirms a scope only once: no waiting task means the process is not where the
            // assessment is, a defect rather than something a client can cause.
            throw new IllegalStateException("No scope step waits for assessment " + confirmed.assessmentId());
        }
        tasks.complete(scope.getId(), Map.of(ProcessVariables.PRINCIPLES, new ArrayList<>(confirmed.principles())));
    }

    @EventListener
    void on(AssessmentOpened opened) {
        // Ids and codes only: evidence and documents never travel as process variables.
        ProcessInstance started = runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                opened.assessmentId().toString(),
                Map.of(
                        ProcessVariables.ASSESSMENT_ID,
                        opened.assessmentId().toString(),
                        ProcessVariables.PRINCIPLES,
                        new ArrayList<>(opened.principles())));
        events.publishEvent(new Audited(
                "process.started",
                "assessment",
                opened.assessmentId().toString(),
                Map.of("process", PROCESS_KEY, "principles", opened.principles()),
                started.getProcessInstanceId(),
                null));
    }
}
