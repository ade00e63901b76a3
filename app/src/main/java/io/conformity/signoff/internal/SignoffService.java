package io.conformity.signoff.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.audit.Audited;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceView;
import io.conformity.signoff.Decision;
import io.conformity.signoff.SeparationOfDutiesException;
import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;

@Service
@Transactional
class SignoffService implements SignoffApi {

    private final SignoffRepository signoffs;
    private final EvidenceApi evidence;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SignoffService(SignoffRepository signoffs, EvidenceApi evidence, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
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
        // What the principle rests on: the evidence covering any of its requirements, whichever principle it was
        // uploaded for; for the approval, all of the assessment's evidence.
        List<String> hashes = (principle == null
                        ? evidence.ofAssessment(assessmentId, null, null).stream()
                        : evidence.ofPrinciple(assessmentId, principle).stream().flatMap(r -> r.evidence().stream()))
                .map(EvidenceView::sha256)
                .distinct()
                .sorted()
                .toList();
        SignoffView recorded = signoffs.save(new Signoff(
                        assessmentId, principle, taskId, decision, actor, role, clock.instant(), comment, hashes))
                .view();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("signoffId", recorded.id());
        change.put("principle", principle);
        change.put("taskId", taskId);
        change.put("decision", decision);
        change.put("role", role);
        change.put("comment", comment);
        change.put("evidenceHashes", hashes);
        events.publishEvent(Audited.of("signoff.recorded", "assessment", assessmentId.toString(), change));
        return recorded;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SignoffView> ofTask(String taskId) {
        return signoffs.findFirstByTaskId(taskId).map(Signoff::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SignoffView> ofAssessment(UUID assessmentId) {
        return signoffs.findByAssessmentIdOrderByDecidedAt(assessmentId).stream()
                .map(Signoff::view)
                .toList();
    }
}
