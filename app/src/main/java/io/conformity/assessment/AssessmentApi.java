package io.conformity.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.conformity.problem.ProblemException;
import jakarta.validation.Valid;

/**
 * Assessments of a release and their requirement assessments. State changes check the allowed transition and
 * fail with a 409 problem otherwise; who may act is decided by the caller (the workflow), not here.
 */
public interface AssessmentApi {

    AssessmentView open(@Valid OpenAssessmentCommand command, String openedBy);

    AssessmentView assessment(UUID id);

    /**
     * Assessments of the releases of one product ({@code null}: any) in one status ({@code null}: any), in the
     * page's order; an unknown product has none.
     */
    Page<AssessmentView> assessments(UUID productId, AssessmentStatus status, Pageable pageable);

    /** @throws io.conformity.problem.NotFoundException when there is no such assessment */
    void requireExists(UUID id);

    /**
     * Lets the caller read the assessment's records (those of its product, see {@code ProductApi.requireReader}), or
     * throws {@code notFound}, the error an unknown id of the resource the caller asked for gets, or 403.
     */
    void requireReader(UUID assessmentId, Supplier<? extends ProblemException> notFound);

    /** As {@link #requireReader(UUID, Supplier)}, for changes: the caller must be a member of its product. */
    void requireMember(UUID assessmentId, Supplier<? extends ProblemException> notFound);

    /** The product the assessment certifies a release of. */
    UUID productOf(UUID assessmentId);

    RequirementAssessmentView requirement(UUID requirementAssessmentId);

    List<RequirementAssessmentView> requirements(UUID assessmentId, String principle);

    /**
     * Records (or with {@code null}, withdraws) the engineer's statement of why no evidence exists for a requirement;
     * only while the requirement is open for evidence.
     */
    RequirementAssessmentView stateNoEvidence(UUID requirementAssessmentId, String statement, String by);

    /** The engineer hands the principle over for review. */
    void submitPrinciple(UUID assessmentId, String principle);

    /**
     * Records the officer's verdicts. Accepting needs a verdict on every requirement of the principle; sending
     * back reopens them for evidence.
     */
    void reviewPrinciple(UUID assessmentId, String principle, List<@Valid VerdictCommand> verdicts, boolean accept);

    /**
     * Records the CRA conformity route (Article 32) the officer chose for a CRA assessment in progress; refused when
     * the procedure lacks what it needs (400) or the product's CRA category does not allow it (409
     * {@code conformity-route-not-allowed}).
     */
    AssessmentView recordConformityRoute(UUID assessmentId, @Valid ConformityRoute route, String by);

    /**
     * The signatory approves; refused unless every principle is accepted and no mandatory requirement FAILs, the
     * product's support period has not ended before today ({@code support-period-ended}), and under the CRA regime
     * the recorded conformity route is open to the product's category ({@code conformity-route-not-allowed}).
     * The product's support-period end then counts as declared.
     */
    void approve(UUID assessmentId, String signatory, String placeOfIssue);

    /**
     * The compliance officer confirms the scope the catalog worked out from the product profile, with overrides
     * (each justified; a mandatory requirement the catalog says applies cannot be taken out: 409
     * {@code scope-override-refused}); the applicable requirements then open for evidence, and
     * {@link AssessmentScopeConfirmed} names the principles in scope after the overrides, in catalog order.
     */
    void confirmScope(UUID assessmentId, List<@Valid ScopeOverrideCommand> overrides, String by);

    /**
     * The signatory rejects: the requirements of the named principles go back to evidence collection; the others
     * stay accepted.
     */
    void reject(UUID assessmentId, List<String> principles);

    /** The regimes the assessment was opened under, for the process's own jobs (no access check). */
    List<String> regimes(UUID assessmentId);

    /**
     * The principle's acceptance became void because the evidence it covered changed: its requirements wait for a
     * review again, without verdicts.
     */
    void reviewAgain(UUID assessmentId, String principle);

    void markIssued(UUID assessmentId);

    /**
     * The compliance officer ends an assessment in progress because the product cannot be certified as it is (409
     * {@code assessment-state} otherwise); its release may then be assessed again.
     */
    void closeNotCertified(UUID assessmentId, String by, String reason);

    /**
     * Holds the assessment's row lock until the caller's transaction ends, so that steps on one assessment (task
     * completions) run one at a time; a waiting step then sees what the one before it committed.
     */
    void lock(UUID assessmentId);

    /**
     * Refuses (409 {@code support-period-ended}, {@code conformity-route-not-allowed}) when the product, as it is now,
     * no longer allows the approved assessment's declaration to be issued. Changes nothing.
     */
    void requireIssuable(UUID assessmentId);

    /**
     * How many of the assessments the caller may read (as {@link #assessments} lists them) are in each status, counted
     * in one query; every status is present, zero when none.
     */
    Map<AssessmentStatus, Long> countByStatus();

    /**
     * {@link #requireReader(UUID, Supplier)} for each of the assessments, decided in a constant number of queries:
     * throws {@code notFound} of the first unknown or unreadable id.
     */
    void requireReader(Collection<UUID> assessmentIds, Function<UUID, ? extends ProblemException> notFound);

    /**
     * The release the assessment certifies, checked as {@link #requireReader(UUID, Supplier)} does, without reading
     * its requirements.
     *
     * @throws io.conformity.problem.NotFoundException when there is no such assessment or the caller may not read it
     */
    UUID releaseOf(UUID assessmentId);
}
