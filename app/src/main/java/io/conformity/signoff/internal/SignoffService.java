package io.conformity.signoff.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceView;
import io.conformity.problem.NotFoundException;
import io.conformity.signoff.Decision;
import io.conformity.signoff.SeparationOfDutiesException;
import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;

@Service
@Transactional
class SignoffService implements SignoffApi {

    private final SignoffRepository signoffs;
    private final EvidenceApi evidence;
    private final AssessmentApi assessments;
    private final Clock clock;

    SignoffService(SignoffRepository signoffs, EvidenceApi evidence, AssessmentApi assessments, Clock clock) {
        this.assessments = assessments;
        this.signoffs = signoffs;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public SignoffView record(
            UUID assessmentId,
            String principle,
            String taskId,
            Decision decision,
            String actor,
            String role,
            String comment) {
        if (decision == Decision.ACCEPTED
                && evidence.uploadersOf(assessmentId, principle).contains(actor)) {
            throw new SeparationOfDutiesException("You uploaded evidence for principle " + principle
                    + "; another compliance officer must accept it.");
        }
        if ((decision == Decision.APPROVED || decision == Decision.REJECTED)
                && signoffs.existsByAssessmentIdAndActorAndDecisionIn(
                        assessmentId, actor, List.of(Decision.ACCEPTED, Decision.SENT_BACK))) {
            throw new SeparationOfDutiesException(
                    "You reviewed principles of this assessment; another signatory must decide on the declaration.");
        }
        if ((decision == Decision.APPROVED || decision == Decision.REJECTED)
                && evidence.ofAssessment(assessmentId, null, null).stream()
                        .anyMatch(item -> item.uploadedBy().equals(actor))) {
            throw new SeparationOfDutiesException(
                    "You uploaded evidence for this assessment; another signatory must decide on the declaration.");
        }
        // What the principle rests on: the evidence covering any of its requirements, whichever principle it was
        // uploaded for; for the approval, all of the assessment's evidence.
        List<String> hashes = (principle == null
                        ? evidence.ofAssessment(assessmentId, null, null).stream()
                        : evidence.ofPrinciple(assessmentId, principle).stream().flatMap(r -> r.evidence().stream()))
                .map(EvidenceView::sha256)
                .distinct()
                .sorted()
                .toList();
        return signoffs.save(new Signoff(
                        assessmentId, principle, taskId, decision, actor, role, clock.instant(), comment, hashes))
                .view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SignoffView> ofTask(String taskId) {
        return signoffs.findFirstByTaskId(taskId).map(Signoff::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SignoffView> ofAssessment(UUID assessmentId) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return signoffs.findByAssessmentIdOrderByDecidedAt(assessmentId).stream()
                .map(Signoff::view)
                .toList();
    }
}
