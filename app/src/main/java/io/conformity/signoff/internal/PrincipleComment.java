package io.conformity.signoff.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.assessment.ConversationEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Said on a principle without deciding anything; never changed once written. */
@Entity
@Table(name = "principle_comment")
class PrincipleComment {

    static final String KIND = "COMMENT";

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(nullable = false, length = 60, updatable = false)
    private String principle;

    @Column(nullable = false, length = 64, updatable = false)
    private String author;

    @Column(name = "author_role", nullable = false, length = 40, updatable = false)
    private String role;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, length = 32000, updatable = false)
    private String body;

    protected PrincipleComment() {}

    PrincipleComment(UUID assessmentId, String principle, String author, String role, Instant writtenAt, String body) {
        this.id = UUID.randomUUID();
        this.assessmentId = assessmentId;
        this.principle = principle;
        this.author = author;
        this.role = role;
        this.writtenAt = writtenAt;
        this.body = body;
    }

    UUID id() {
        return id;
    }

    ConversationEntry entry() {
        return new ConversationEntry(principle, KIND, author, role, body, writtenAt, null, null);
    }
}
