package io.conformity.audit.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.conformity.audit.Audited;

/**
 * Appends every {@link Audited} event, synchronously, in the publisher's own transaction: just before it commits, so
 * the entry commits with the change or not at all. Appending last takes the chain head's lock last: it is held for
 * the few milliseconds of the commit only, and a transaction never waits for another's domain lock (an assessment,
 * a release) while holding it, which could deadlock with one that holds that lock and waits to append. Without a
 * transaction (a failed login) the event is appended at once, in a transaction of its own.
 */
@Component
class AuditListener {

    private final AuditAppender appender;

    AuditListener(AuditAppender appender) {
        this.appender = appender;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(Audited event) {
        appender.append(event);
    }
}
