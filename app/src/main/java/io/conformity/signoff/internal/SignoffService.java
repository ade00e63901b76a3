package io.conformity.signoff.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.ConversationEntry;
import io.conformity.assessment.PrincipleConversation;
import io.conformity.audit.Audited;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceView;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.signoff.CommentCommand;
import io.conformity.signoff.Decision;
import io.conformity.signoff.SeparationOfDutiesException;
import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;

@Service
@Validated
@Transactional
class SignoffService implements SignoffApi, PrincipleConversation {

    private final SignoffRepository signoffs;
    private final PrincipleCommentRepository comments;
    private final EvidenceApi evidence;
    private final AssessmentApi assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignoffService(
            SignoffRepository signoffs,
            PrincipleCommentRepository comments,
            EvidenceApi evidence,
            AssessmentApi assessments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.assessments = assessments;
        this.signoffs = signoffs;
        this.comments = comments;
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
                        assessmentId,
                        actor,
                        List.of(Decision.SCOPE_CONFIRMED, Decision.ACCEPTED, Decision.SENT_BACK))) {
            // Deciding the scope (which requirements are certified at all) is part of the review.
            throw new SeparationOfDutiesException("You confirmed the scope of, or reviewed principles of, this"
                    + " assessment; another signatory must decide on the declaration.");
        }
        if ((decision == Decision.APPROVED || decision == Decision.REJECTED)
                && evidence.ofAssessment(assessmentId, null, null).stream()
                        // Carried-over evidence: both who carried it and who uploaded it first count as uploaders.
                        .anyMatch(item -> item.uploadedBy().equals(actor)
                                || (item.carriedFrom() != null
                                        && actor.equals(item.carriedFrom().uploadedBy())))) {
            throw new SeparationOfDutiesException(
                    "You uploaded evidence for this assessment; another signatory must decide on the declaration.");
        }
        List<String> hashes = coveredHashes(assessmentId, principle);
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

    /**
     * What a decision rests on: for a principle, the evidence covering any of its requirements, whichever principle
     * it was uploaded for; for the approval, all of the assessment's evidence.
     */
    private List<String> coveredHashes(UUID assessmentId, String principle) {
        return (principle == null
                        ? evidence.ofAssessment(assessmentId, null, null).stream()
                        : evidence.ofPrinciple(assessmentId, principle).stream().flatMap(r -> r.evidence().stream()))
                .map(EvidenceView::sha256)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public List<String> voidStale(UUID assessmentId) {
        // The acceptance that counts for a principle is its latest decision, when that is an acceptance; earlier
        // rounds (before a send-back or a rejection) were superseded by later reviews and are history.
        Map<String, Signoff> latest = new LinkedHashMap<>();
        for (Signoff s : signoffs.findByAssessmentIdOrderByDecidedAt(assessmentId)) {
            if (s.principle() != null && s.current() && s.decision() != Decision.SUBMITTED) {
                latest.put(s.principle(), s);
            }
        }
        List<String> reopened = new ArrayList<>();
        for (Signoff acceptance : latest.values()) {
            if (acceptance.decision() != Decision.ACCEPTED) {
                continue;
            }
            List<String> now = coveredHashes(assessmentId, acceptance.principle());
            if (now.equals(acceptance.evidenceHashes())) {
                continue;
            }
            List<String> gone = new ArrayList<>(acceptance.evidenceHashes());
            gone.removeAll(now);
            List<String> added = new ArrayList<>(now);
            added.removeAll(acceptance.evidenceHashes());
            String reason = "The evidence of principle " + acceptance.principle() + " changed after its acceptance:"
                    + (gone.isEmpty() ? "" : " no longer covered " + gone)
                    + (added.isEmpty() ? "" : " newly covered " + added)
                    + ". It is reviewed again.";
            acceptance.voidBecause(reason, clock.instant());
            events.publishEvent(Audited.of(
                    "signoff.voided",
                    "assessment",
                    assessmentId.toString(),
                    Map.of(
                            "signoffId",
                            acceptance.id().toString(),
                            "principle",
                            acceptance.principle(),
                            "noLongerCovered",
                            gone,
                            "newlyCovered",
                            added)));
            reopened.add(acceptance.principle());
        }
        return reopened;
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

    @Override
    public ConversationEntry comment(
            UUID assessmentId, String principle, CommentCommand command, String author, String role) {
        assessments.requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        if (assessments.requirements(assessmentId, principle).isEmpty()) {
            throw new NotFoundException("Principle", principle);
        }
        AssessmentStatus status = assessments.assessment(assessmentId).status();
        if (status != AssessmentStatus.IN_PROGRESS) {
            throw new ProblemException(
                    ProblemType.ASSESSMENT_STATE,
                    "The assessment is " + status + "; its conversation is closed with it.");
        }
        PrincipleComment saved = comments.save(new PrincipleComment(
                assessmentId,
                principle,
                author,
                role,
                clock.instant(),
                command.text().strip()));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("commentId", saved.id());
        change.put("principle", principle);
        change.put("role", role);
        change.put("text", command.text().strip());
        events.publishEvent(Audited.of("principle.commented", "assessment", assessmentId.toString(), change));
        return saved.entry();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConversationEntry> of(UUID assessmentId) {
        List<ConversationEntry> entries = new ArrayList<>();
        signoffs.findByAssessmentIdOrderByDecidedAt(assessmentId).forEach(s -> entries.add(s.entry()));
        comments.findByAssessmentIdOrderByWrittenAt(assessmentId).forEach(c -> entries.add(c.entry()));
        entries.sort(Comparator.comparing(ConversationEntry::at));
        return entries;
    }
}
