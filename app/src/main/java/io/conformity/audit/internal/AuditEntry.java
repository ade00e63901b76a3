package io.conformity.audit.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.hibernate.annotations.Immutable;

import io.conformity.audit.AuditEntryView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One appended entry. Immutable: Hibernate never issues an UPDATE for it, and nothing here deletes one. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    private long sequence;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 320)
    private String actor;

    @Column(nullable = false, length = 400)
    private String roles;

    @Column(nullable = false, length = 100)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 64)
    private String subjectType;

    @Column(name = "subject_id", length = 200)
    private String subjectId;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "change_json", nullable = false, length = 1000000)
    private String changeJson;

    @Column(name = "change_digest", nullable = false, length = 64)
    private String changeDigest;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {}

    AuditEntry(ChainLink link, String changeJson) {
        this.sequence = link.sequence();
        this.occurredAt = link.occurredAt();
        this.actor = link.actor();
        this.roles = String.join(",", link.roles());
        this.action = link.action();
        this.subjectType = link.subjectType();
        this.subjectId = link.subjectId();
        this.processInstanceId = link.processInstanceId();
        this.changeJson = changeJson;
        this.changeDigest = link.changeDigest();
        this.previousHash = link.previousHash();
        this.hash = link.hash();
    }

    /** The fields as stored, to recompute the hash from. */
    ChainLink link() {
        return new ChainLink(
                sequence,
                occurredAt,
                actor,
                roleList(),
                action,
                subjectType,
                subjectId,
                processInstanceId,
                changeDigest,
                previousHash);
    }

    long sequence() {
        return sequence;
    }

    String changeJson() {
        return changeJson;
    }

    String changeDigest() {
        return changeDigest;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }

    private List<String> roleList() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }

    AuditEntryView view() {
        return new AuditEntryView(
                sequence,
                occurredAt,
                actor,
                roleList(),
                action,
                subjectType,
                subjectId,
                processInstanceId,
                CanonicalJson.parse(changeJson),
                changeDigest,
                previousHash,
                hash);
    }
}
