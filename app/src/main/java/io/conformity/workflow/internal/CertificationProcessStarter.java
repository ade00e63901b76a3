package io.conformity.workflow.internal;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentOpened;

/**
 * Starts {@code CertificationProcess} for a newly opened assessment, synchronously inside the opening
 * transaction: if the engine refuses, the assessment is not opened either.
 */
@Component
class CertificationProcessStarter {

    static final String PROCESS_KEY = "CertificationProcess";

    private final RuntimeService runtime;

    CertificationProcessStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(AssessmentOpened opened) {
        // Ids and codes only: evidence and documents never travel as process variables.
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                opened.assessmentId().toString(),
                Map.of(
                        ProcessVariables.ASSESSMENT_ID,
                        opened.assessmentId().toString(),
                        ProcessVariables.PRINCIPLES,
                        new ArrayList<>(opened.principles())));
    }
}
