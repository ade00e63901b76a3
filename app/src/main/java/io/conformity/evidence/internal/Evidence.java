package io.conformity.evidence.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.evidence.AnalysisView;
import io.conformity.evidence.CarriedFrom;
import io.conformity.evidence.EvidenceKind;
import io.conformity.evidence.EvidenceView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Immutable once written: a new upload is a new row. Its analysis is kept apart, since it can be re-run. */
@Entity
@Table(name = "evidence")
class Evidence {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(name = "requirement_assessment_id", nullable = false, updatable = false)
    private UUID requirementAssessmentId;

    @Column(nullable = false, length = 60, updatable = false)
    private String principle;

    @Column(name = "requirement_id", nullable = false, length = 40, updatable = false)
    private String requirementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private EvidenceKind kind;

    @Column(name = "declaration_kind", length = 40, updatable = false)
    private String declarationKind;

    @Column(name = "schema_id", length = 200, updatable = false)
    private String schemaId;

    @Column(name = "file_name", nullable = false, length = 2040, updatable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 200, updatable = false)
    private String mediaType;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "extracted_text", length = 65536, updatable = false)
    private String extractedText;

    @Column(name = "carried_from_assessment_id", updatable = false)
    private UUID carriedFromAssessmentId;

    @Column(name = "carried_from_evidence_id", updatable = false)
    private UUID carriedFromEvidenceId;

    @Column(name = "carried_from_release_id", updatable = false)
    private UUID carriedFromReleaseId;

    @Column(name = "carried_from_firmware_version", length = 800, updatable = false)
    private String carriedFromFirmwareVersion;

    @Column(name = "carried_from_uploaded_by", length = 64, updatable = false)
    private String carriedFromUploadedBy;

    @Column(name = "carried_from_uploaded_at", updatable = false)
    private Instant carriedFromUploadedAt;

    protected Evidence() {}

    /** Where the evidence belongs: the requirement it was given for. */
    record Target(UUID assessmentId, UUID requirementAssessmentId, String principle, String requirementId) {}

    /** What it is: a file or a declaration, its detected type and its bytes' address. */
    record Content(
            EvidenceKind kind,
            String declarationKind,
            String schemaId,
            String fileName,
            String mediaType,
            String sha256,
            long size,
            String extractedText) {}

    Evidence(Target target, Content content, String uploadedBy, Instant uploadedAt) {
        this.id = UUID.randomUUID();
        this.assessmentId = target.assessmentId();
        this.requirementAssessmentId = target.requirementAssessmentId();
        this.principle = target.principle();
        this.requirementId = target.requirementId();
        this.kind = content.kind();
        this.declarationKind = content.declarationKind();
        this.schemaId = content.schemaId();
        this.fileName = content.fileName();
        this.mediaType = content.mediaType();
        this.sha256 = content.sha256();
        this.size = content.size();
        this.extractedText = content.extractedText();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /**
     * The same bytes, carried into {@code target} of a new release's assessment by {@code carriedBy}, who vouches
     * that they still hold; the first uploader is kept through any number of carry-overs.
     */
    Evidence carriedTo(Target target, String carriedBy, Instant carriedAt, UUID releaseId, String firmwareVersion) {
        Evidence carried = new Evidence(
                target,
                new Content(kind, declarationKind, schemaId, fileName, mediaType, sha256, size, extractedText),
                carriedBy,
                carriedAt);
        carried.carriedFromAssessmentId = assessmentId;
        carried.carriedFromEvidenceId = id;
        carried.carriedFromReleaseId = releaseId;
        carried.carriedFromFirmwareVersion = firmwareVersion;
        carried.carriedFromUploadedBy = carriedFromUploadedBy == null ? uploadedBy : carriedFromUploadedBy;
        carried.carriedFromUploadedAt = carriedFromUploadedAt == null ? uploadedAt : carriedFromUploadedAt;
        return carried;
    }

    /** Null unless carried over. */
    CarriedFrom carriedFrom() {
        return carriedFromEvidenceId == null
                ? null
                : new CarriedFrom(
                        carriedFromAssessmentId,
                        carriedFromReleaseId,
                        carriedFromFirmwareVersion,
                        carriedFromEvidenceId,
                        carriedFromUploadedBy,
                        carriedFromUploadedAt);
    }

    UUID id() {
        return id;
    }

    String requirementId() {
        return requirementId;
    }

    String uploadedBy() {
        return uploadedBy;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }

    UUID assessmentId() {
        return assessmentId;
    }

    UUID requirementAssessmentId() {
        return requirementAssessmentId;
    }

    String principle() {
        return principle;
    }

    String sha256() {
        return sha256;
    }

    String fileName() {
        return fileName;
    }

    long size() {
        return size;
    }

    EvidenceKind kind() {
        return kind;
    }

    String declarationKind() {
        return declarationKind;
    }

    EvidenceView view(AnalysisView analysis) {
        return new EvidenceView(
                id,
                assessmentId,
                requirementAssessmentId,
                principle,
                requirementId,
                kind,
                declarationKind,
                schemaId,
                fileName,
                mediaType,
                sha256,
                size,
                uploadedBy,
                uploadedAt,
                analysis,
                carriedFrom());
    }
}
