package io.conformity.workflow.internal;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentOpened;
import io.conformity.audit.Audited;

/**
 * Starts {@code CertificationProcess} for a newly opened assessment, synchronously inside the opening
 * transaction: if the engine refuses, the assessment is not opened either.
 */
@Component
class CertificationProcessStarter {

    static final String PROCESS_KEY = "CertificationProcess";

    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    CertificationProcessStarter(RuntimeService runtime, ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.events = events;
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
