package io.conformity.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.audit.AuditCaller;
import io.conformity.audit.Audited;
import jakarta.persistence.EntityManager;

/** Writes one entry under the chain head's lock. */
@Component
class AuditAppender {

    /** The actor of what no person did: the engine's jobs, start-up work. */
    static final String SYSTEM = "system";

    private static final int MAX_ACTOR = 320;

    private final EntityManager entityManager;
    private final ChainHeadRepository heads;
    private final ObjectProvider<AuditCaller> callers;
    private final Clock clock;

    AuditAppender(
            EntityManager entityManager, ChainHeadRepository heads, ObjectProvider<AuditCaller> callers, Clock clock) {
        this.entityManager = entityManager;
        this.heads = heads;
        this.callers = callers;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void append(Audited event) {
        if (event.action() == null || event.subjectType() == null) {
            throw new IllegalArgumentException("An audited change needs an action and a subject type: " + event);
        }
        Optional<AuditCaller.Caller> caller = callers.stream().findFirst().flatMap(AuditCaller::caller);
        String actor;
        List<String> roles;
        if (event.actor() != null) {
            actor = event.actor();
            // Named explicitly (a failed login's attempted name): the session's roles, if any, are someone else's.
            roles = caller.filter(c -> c.username().equals(event.actor()))
                    .map(AuditCaller.Caller::roles)
                    .orElse(List.of());
        } else {
            actor = caller.map(AuditCaller.Caller::username).orElse(SYSTEM);
            roles = caller.map(AuditCaller.Caller::roles).orElse(List.of());
        }
        if (actor.length() > MAX_ACTOR) {
            // An attempted user name is whatever a client sent.
            actor = actor.substring(0, MAX_ACTOR - 1) + "…";
        }
        String changeJson = CanonicalJson.of(event.change());
        // Read and advanced under the lock: two appends, from this node or another, never see the same head.
        ChainHeadRow head = heads.lock().orElseThrow(() -> new IllegalStateException("The audit chain has no head"));
        // Stored to the microsecond, so the instant hashed is the instant read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ChainLink link = new ChainLink(
                head.sequence() + 1,
                at,
                actor,
                roles.stream().sorted().toList(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.processInstanceId(),
                CanonicalJson.sha256(changeJson),
                head.hash());
        AuditEntry entry = new AuditEntry(link, changeJson);
        entityManager.persist(entry);
        head.advance(entry);
        entityManager.flush();
    }
}
