package io.conformity.declaration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One issued file in the register. The product facts are copied as the statement prints them: the register must
 * show what was declared even after the product record is edited.
 */
@Entity
@Table(name = "declaration")
class Declaration {

    /** PSTI regulations 8 and 9: a copy is kept for ten years from issue, or the support period if longer. */
    static final int RETENTION_YEARS = 10;

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(nullable = false, length = 40, updatable = false)
    private String regime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeclarationStatus status;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "product_id", nullable = false, updatable = false)
    private UUID productId;

    @Column(name = "release_id", nullable = false, updatable = false)
    private UUID releaseId;

    @Column(name = "manufacturer_name", nullable = false, updatable = false, length = 1600)
    private String manufacturer;

    @Column(name = "product_type", nullable = false, updatable = false, length = 1600)
    private String productType;

    @Column(name = "model_designation", nullable = false, updatable = false, length = 1600)
    private String modelDesignation;

    @Column(name = "firmware_version", nullable = false, updatable = false, length = 800)
    private String firmwareVersion;

    @Column(nullable = false, updatable = false, length = 1600)
    private String batch;

    @Column(name = "support_period_end", nullable = false, updatable = false)
    private LocalDate supportPeriodEnd;

    @Column(name = "superseded_by")
    private UUID supersededBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "withdrawal_reason", length = 32000)
    private String withdrawalReason;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Declaration() {}

    Declaration(
            UUID id, UUID assessmentId, String regime, Subject subject, String sha256, long size, Instant issuedAt) {
        this.id = id;
        this.assessmentId = assessmentId;
        this.regime = regime;
        this.status = DeclarationStatus.ISSUED;
        this.sha256 = sha256;
        this.size = size;
        this.issuedAt = stored(issuedAt);
        this.productId = subject.productId();
        this.releaseId = subject.releaseId();
        this.manufacturer = subject.manufacturer();
        this.productType = subject.productType();
        this.modelDesignation = subject.modelDesignation();
        this.firmwareVersion = subject.firmwareVersion();
        this.batch = subject.batch();
        this.supportPeriodEnd = subject.supportPeriodEnd();
    }

    /** What a statement is about, as it prints it. */
    record Subject(
            UUID productId,
            UUID releaseId,
            String manufacturer,
            String productType,
            String modelDesignation,
            String firmwareVersion,
            String batch,
            LocalDate supportPeriodEnd) {}

    UUID id() {
        return id;
    }

    String regime() {
        return regime;
    }

    UUID assessmentId() {
        return assessmentId;
    }

    long size() {
        return size;
    }

    UUID releaseId() {
        return releaseId;
    }

    String sha256() {
        return sha256;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    DeclarationStatus status() {
        return status;
    }

    /** At the precision the column keeps, so the answer to a change is what a later read gives. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** A later statement on the same release and regime replaces this one; only an issued one can be replaced. */
    void supersede(UUID by, Instant at) {
        requireIssued("supersede");
        if (by.equals(id)) {
            throw new IllegalArgumentException("Declaration " + id + " cannot supersede itself");
        }
        this.status = DeclarationStatus.SUPERSEDED;
        this.supersededBy = by;
        this.supersededAt = stored(at);
    }

    /** The manufacturer no longer stands by the statement; final, and recorded with who and why. */
    void withdraw(String reason, String by, Instant at) {
        requireIssued("withdraw");
        this.status = DeclarationStatus.WITHDRAWN;
        this.withdrawalReason = reason;
        this.withdrawnBy = by;
        this.withdrawnAt = stored(at);
    }

    /**
     * The last day the statement must be kept: ten years from issue or the end of the support period it states,
     * whichever is later (PSTI regulations 8 and 9). Withdrawal or supersession does not shorten it: the copy
     * documents what was placed on the market.
     */
    LocalDate retainedUntil() {
        LocalDate tenYears = LocalDate.ofInstant(issuedAt, ZoneOffset.UTC).plusYears(RETENTION_YEARS);
        return supportPeriodEnd.isAfter(tenYears) ? supportPeriodEnd : tenYears;
    }

    /** Refuses deletion while the statement must still be kept. */
    void requireDeletable(LocalDate today) {
        LocalDate until = retainedUntil();
        if (!today.isAfter(until)) {
            throw new ProblemException(
                    ProblemType.DECLARATION_RETAINED,
                    "Declaration " + id + " must be kept until " + until + " (ten years from issue or the end of the"
                            + " support period, whichever is later: PSTI regulations 8 and 9); it can be deleted"
                            + " from " + until.plusDays(1) + ".",
                    Map.of("declarationId", id, "retainedUntil", until.toString()));
        }
    }

    void requireIssued(String action) {
        if (status != DeclarationStatus.ISSUED) {
            throw new ProblemException(
                    ProblemType.DECLARATION_STATE,
                    "Cannot " + action + " declaration " + id + ": it is " + status + describeStatus() + ".",
                    Map.of("declarationId", id, "declarationStatus", status));
        }
    }

    private String describeStatus() {
        return switch (status) {
            case SUPERSEDED -> " by " + supersededBy + " since " + supersededAt;
            case WITHDRAWN -> " since " + withdrawnAt + " (" + withdrawalReason + ")";
            case ISSUED -> "";
        };
    }

    DeclarationView view() {
        return new DeclarationView(
                id,
                assessmentId,
                regime,
                status,
                sha256,
                size,
                issuedAt,
                productId,
                releaseId,
                manufacturer,
                productType,
                modelDesignation,
                firmwareVersion,
                batch,
                supportPeriodEnd,
                supersededBy,
                supersededAt,
                withdrawalReason,
                withdrawnBy,
                withdrawnAt,
                retainedUntil());
    }
}
