package io.conformity.assessment.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.audit.AuditSubjects;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;

/** An assessment's history is read by those who may read the assessment: its product's members. */
@Component
class AssessmentAuditSubjects implements AuditSubjects {

    private final AssessmentRepository assessments;
    private final AssessmentApi access;

    AssessmentAuditSubjects(AssessmentRepository assessments, AssessmentApi access) {
        this.assessments = assessments;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Boolean> readable(String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        if (!assessments.existsById(id)) {
            return Optional.empty();
        }
        try {
            access.requireReader(id, () -> new NotFoundException("Assessment", id));
            return Optional.of(true);
        } catch (ProblemException refused) {
            return Optional.of(false);
        }
    }
}
