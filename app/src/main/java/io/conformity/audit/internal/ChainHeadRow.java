package io.conformity.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row every append locks; it repeats the last entry's sequence and hash. */
@Entity
@Table(name = "audit_chain_head")
class ChainHeadRow {

    static final int ID = 1;

    @Id
    private int id;

    @Column(nullable = false)
    private long sequence;

    @Column(nullable = false, length = 64)
    private String hash;

    protected ChainHeadRow() {}

    long sequence() {
        return sequence;
    }

    String hash() {
        return hash;
    }

    void advance(AuditEntry entry) {
        this.sequence = entry.sequence();
        this.hash = entry.hash();
    }
}
