package io.conformity.signoff.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.conformity.assessment.ConversationEntry;
import io.conformity.signoff.Decision;
import io.conformity.signoff.SignoffView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "signoff")
class Signoff {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(length = 60, updatable = false)
    private String principle;

    @Column(name = "task_id", length = 64, updatable = false)
    private String taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Decision decision;

    @Column(nullable = false, length = 64, updatable = false)
    private String actor;

    @Column(name = "actor_role", nullable = false, length = 40, updatable = false)
    private String role;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "decision_comment", length = 32000, updatable = false)
    private String comment;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "signoff_evidence", joinColumns = @JoinColumn(name = "signoff_id"))
    @OrderColumn(name = "position")
    @Column(name = "sha256", nullable = false, length = 64)
    private List<String> evidenceHashes = new ArrayList<>();

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "void_reason", length = 4000)
    private String voidReason;

    protected Signoff() {}

    Signoff(
            UUID assessmentId,
            String principle,
            String taskId,
            Decision decision,
            String actor,
            String role,
            Instant decidedAt,
            String comment,
            List<String> evidenceHashes) {
        this.id = UUID.randomUUID();
        this.assessmentId = assessmentId;
        this.principle = principle;
        this.taskId = taskId;
        this.decision = decision;
        this.actor = actor;
        this.role = role;
        this.decidedAt = decidedAt;
        this.comment = comment;
        this.evidenceHashes = new ArrayList<>(evidenceHashes);
    }

    SignoffView view() {
        return new SignoffView(
                id,
                assessmentId,
                principle,
                taskId,
                decision,
                actor,
                role,
                decidedAt,
                comment,
                List.copyOf(evidenceHashes),
                voidedAt,
                voidReason);
    }

    UUID id() {
        return id;
    }

    ConversationEntry entry() {
        return new ConversationEntry(principle, decision.name(), actor, role, comment, decidedAt, voidedAt, voidReason);
    }

    String principle() {
        return principle;
    }

    Decision decision() {
        return decision;
    }

    List<String> evidenceHashes() {
        return List.copyOf(evidenceHashes);
    }

    boolean current() {
        return voidedAt == null;
    }

    void voidBecause(String reason, Instant at) {
        this.voidReason = reason;
        this.voidedAt = at;
    }
}
