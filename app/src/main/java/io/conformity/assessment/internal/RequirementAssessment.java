package io.conformity.assessment.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.assessment.Verdict;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One requirement of the regime in scope of one assessment, created with the assessment. */
@Entity
@Table(name = "requirement_assessment")
class RequirementAssessment {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false)
    private UUID assessmentId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 60)
    private String principle;

    @Column(name = "framework_urn", nullable = false, length = 200)
    private String frameworkUrn;

    @Column(name = "framework_version", nullable = false, length = 40)
    private String frameworkVersion;

    @Column(name = "requirement_id", nullable = false, length = 40)
    private String requirementId;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "ics_status", length = 40)
    private String icsStatus;

    @Column(nullable = false)
    private boolean mandatory;

    /** The regimes that brought it into scope, recorded at opening: a declaration of a regime lists these only. */
    @Column(nullable = false, length = 200)
    private String regimes;

    @Column(nullable = false)
    private boolean applicable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RequirementStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Verdict verdict;

    @Column(length = 4000)
    private String justification;

    @Column(name = "ics_support", length = 3)
    private String icsSupport;

    @Column(name = "ics_detail", length = 4000)
    private String icsDetail;

    @Column(name = "no_evidence_statement", length = 32000)
    private String noEvidenceStatement;

    @Column(name = "no_evidence_by", length = 64)
    private String noEvidenceBy;

    @Column(name = "no_evidence_at")
    private Instant noEvidenceAt;

    /** What the catalog worked out from the profile, kept when the officer overrides it at the scope step. */
    @Column(name = "computed_applicable", nullable = false)
    private boolean computedApplicable;

    @Column(name = "scope_justification", length = 32000)
    private String scopeJustification;

    @Column(name = "scope_overridden_by", length = 64)
    private String scopeOverriddenBy;

    @Column(name = "scope_overridden_at")
    private Instant scopeOverriddenAt;

    protected RequirementAssessment() {}

    RequirementAssessment(
            UUID assessmentId,
            int position,
            String principle,
            String frameworkUrn,
            String frameworkVersion,
            String requirementId,
            String title,
            String icsStatus,
            boolean mandatory,
            List<String> regimes,
            String notApplicableBecause) {
        this.id = UUID.randomUUID();
        this.assessmentId = assessmentId;
        this.position = position;
        this.principle = principle;
        this.frameworkUrn = frameworkUrn;
        this.frameworkVersion = frameworkVersion;
        this.requirementId = requirementId;
        this.title = title;
        this.icsStatus = icsStatus;
        this.mandatory = mandatory;
        this.regimes = String.join(",", regimes);
        this.applicable = notApplicableBecause == null;
        this.computedApplicable = applicable;
        this.justification = notApplicableBecause;
        // Evidence waits for the officer's confirmation of the scope (openForEvidence).
        this.status = applicable ? RequirementStatus.SCOPING : RequirementStatus.NOT_APPLICABLE;
    }

    boolean computedApplicable() {
        return computedApplicable;
    }

    String principle() {
        return principle;
    }

    /**
     * The officer's override at the scope step. A requirement brought into scope opens for evidence with the rest;
     * one taken out keeps the officer's justification as the one the annex prints for a requirement not applicable.
     * Whether a mandatory requirement may be taken out is the caller's rule (it knows the regime); this only
     * records.
     */
    void overrideApplicability(boolean applicable, String justification, String by, Instant at) {
        requireStatus(this.applicable ? RequirementStatus.SCOPING : RequirementStatus.NOT_APPLICABLE, "override");
        this.applicable = applicable;
        this.scopeJustification = justification;
        this.scopeOverriddenBy = by;
        this.scopeOverriddenAt = at;
        if (applicable) {
            this.justification = null;
            this.status = RequirementStatus.SCOPING;
        } else {
            this.justification = justification;
            this.status = RequirementStatus.NOT_APPLICABLE;
        }
    }

    /** The scope is confirmed: evidence collection starts. */
    void openForEvidence() {
        if (status == RequirementStatus.SCOPING) {
            status = RequirementStatus.OPEN;
        }
    }

    boolean applicable() {
        return applicable;
    }

    UUID assessmentId() {
        return assessmentId;
    }

    String requirementId() {
        return requirementId;
    }

    /** How messages name it: with the framework version, since 5.1-1 exists in V2.1.1 and V3.1.3 alike. */
    String label() {
        return frameworkVersion + " " + requirementId;
    }

    String frameworkUrn() {
        return frameworkUrn;
    }

    String frameworkVersion() {
        return frameworkVersion;
    }

    String icsStatus() {
        return icsStatus;
    }

    String justification() {
        return justification;
    }

    String icsSupport() {
        return icsSupport;
    }

    String icsDetail() {
        return icsDetail;
    }

    /** The manufacturer's ICS claim; it informs the review and never replaces the verdict. */
    void claim(String support, String detail) {
        this.icsSupport = support;
        this.icsDetail = detail;
    }

    UUID id() {
        return id;
    }

    Verdict verdict() {
        return verdict;
    }

    boolean mandatory() {
        return mandatory;
    }

    RequirementStatus status() {
        return status;
    }

    /**
     * The engineer's statement of why no evidence exists for this requirement: with it, the requirement may be
     * submitted uncovered; the reviewer judges it and the annex prints it. Only while evidence is being collected.
     */
    void stateNoEvidence(String statement, String by, Instant at) {
        requireCollecting();
        this.noEvidenceStatement = statement;
        this.noEvidenceBy = by;
        this.noEvidenceAt = at;
    }

    void withdrawNoEvidenceStatement() {
        requireCollecting();
        this.noEvidenceStatement = null;
        this.noEvidenceBy = null;
        this.noEvidenceAt = null;
    }

    boolean hasNoEvidenceStatement() {
        return noEvidenceStatement != null;
    }

    private void requireCollecting() {
        if (!applicable) {
            throw new ProblemException(
                    ProblemType.NOT_APPLICABLE,
                    "Requirement " + requirementId + " is not applicable to this product and needs no evidence.");
        }
        if (status == RequirementStatus.SCOPING) {
            throw new ProblemException(
                    ProblemType.EVIDENCE_CLOSED,
                    "Requirement " + requirementId + " is not open for evidence yet: the compliance officer has not"
                            + " confirmed the assessment's scope.");
        }
        if (status != RequirementStatus.OPEN) {
            throw new ProblemException(
                    ProblemType.EVIDENCE_CLOSED,
                    "Requirement " + requirementId + " is " + status
                            + "; its evidence can change only while it is OPEN.");
        }
    }

    void submit() {
        requireStatus(RequirementStatus.OPEN, "submit");
        status = RequirementStatus.SUBMITTED;
    }

    void judge(Verdict verdict, String justification) {
        if (!applicable) {
            throw new ProblemException(
                    ProblemType.NOT_APPLICABLE,
                    "Requirement " + requirementId + " is not applicable to this product and takes no verdict.");
        }
        requireStatus(RequirementStatus.SUBMITTED, "review");
        this.verdict = verdict;
        this.justification = justification;
    }

    void accept() {
        requireStatus(RequirementStatus.SUBMITTED, "accept");
        if (verdict == null) {
            throw new ProblemException(
                    ProblemType.VERDICT_MISSING,
                    "Requirement " + requirementId + " needs a PASS or FAIL verdict before the principle is accepted.");
        }
        status = RequirementStatus.ACCEPTED;
    }

    /** A mandatory requirement judged FAIL: the principle cannot be accepted with it (the declaration could not). */
    boolean failsMandatory() {
        return mandatory && verdict == Verdict.FAIL;
    }

    /** EN 303 645 5.0-1 / 4-1: a recommendation not met carries its reason, which the annex prints. */
    boolean failsRecommendationUnexplained() {
        return !mandatory && verdict == Verdict.FAIL && (justification == null || justification.isBlank());
    }

    /** The assessment was closed as not certifiable: what was not settled takes no evidence, statement or verdict. */
    void close() {
        if (status == RequirementStatus.SCOPING
                || status == RequirementStatus.OPEN
                || status == RequirementStatus.SUBMITTED) {
            status = RequirementStatus.CLOSED;
        }
    }

    void sendBack() {
        requireStatus(RequirementStatus.SUBMITTED, "send back");
        status = RequirementStatus.OPEN;
    }

    /** Its acceptance became void (the evidence changed): judged again, from no verdict. */
    void reviewAgain() {
        requireStatus(RequirementStatus.ACCEPTED, "review again");
        status = RequirementStatus.SUBMITTED;
        verdict = null;
        justification = null;
    }

    void reopen() {
        if (applicable) {
            status = RequirementStatus.OPEN;
        }
    }

    // The workflow only offers a step when every requirement of the principle is in the state for it (and task
    // completions on an assessment are serialised): a mismatch is a defect, not something a client can cause.
    private void requireStatus(RequirementStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("Cannot " + action + " requirement " + requirementId + " of principle "
                    + principle + ": it is " + status + ".");
        }
    }

    RequirementAssessmentView view() {
        return new RequirementAssessmentView(
                id,
                assessmentId,
                principle,
                frameworkUrn,
                frameworkVersion,
                requirementId,
                title,
                icsStatus,
                mandatory,
                List.of(regimes.split(",")),
                applicable,
                status,
                verdict,
                justification,
                icsSupport,
                icsDetail,
                noEvidenceStatement,
                noEvidenceBy,
                noEvidenceAt,
                computedApplicable,
                scopeJustification,
                scopeOverriddenBy,
                scopeOverriddenAt);
    }
}
