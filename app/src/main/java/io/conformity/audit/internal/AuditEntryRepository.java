package io.conformity.audit.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Reads only: entries are inserted through the entity manager and never changed. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    /** The next entries after {@code sequence}, in order: the chain walked in pages. */
    List<AuditEntry> findBySequenceGreaterThanOrderBySequenceAsc(long sequence, Pageable pageable);

    Optional<AuditEntry> findBySequence(long sequence);

    Page<AuditEntry> findBySubjectId(String subjectId, Pageable pageable);

    Page<AuditEntry> findAll(Pageable pageable);
}
