package io.conformity.evidence.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.evidence.EvidenceView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Immutable once written: a new upload is a new row. */
@Entity
@Table(name = "evidence")
class Evidence {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(name = "requirement_assessment_id", nullable = false, updatable = false)
    private UUID requirementAssessmentId;

    @Column(nullable = false, length = 20, updatable = false)
    private String principle;

    @Column(name = "requirement_id", nullable = false, length = 40, updatable = false)
    private String requirementId;

    @Column(name = "file_name", nullable = false, length = 255, updatable = false)
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

    protected Evidence() {}

    Evidence(
            UUID assessmentId,
            UUID requirementAssessmentId,
            String principle,
            String requirementId,
            String fileName,
            String mediaType,
            String sha256,
            long size,
            String uploadedBy,
            Instant uploadedAt) {
        this.id = UUID.randomUUID();
        this.assessmentId = assessmentId;
        this.requirementAssessmentId = requirementAssessmentId;
        this.principle = principle;
        this.requirementId = requirementId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sha256 = sha256;
        this.size = size;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    String sha256() {
        return sha256;
    }

    EvidenceView view() {
        return new EvidenceView(
                id,
                assessmentId,
                requirementAssessmentId,
                principle,
                requirementId,
                fileName,
                mediaType,
                sha256,
                size,
                uploadedBy,
                uploadedAt);
    }
}
