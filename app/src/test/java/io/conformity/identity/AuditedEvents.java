package io.conformity.identity;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.audit.Audited;

/**
 * The {@link Audited} events the application published, as the audit module receives them (the request threads
 * publish them, so Spring's test-thread event recording does not see them). Picked up by the shared test context's
 * component scan; keeps the latest few thousand.
 */
@Component
public class AuditedEvents {

    private final ConcurrentLinkedDeque<Audited> events = new ConcurrentLinkedDeque<>();

    @EventListener
    void on(Audited event) {
        events.addLast(event);
        while (events.size() > 5_000) {
            events.pollFirst();
        }
    }

    public List<Audited> about(String subjectId) {
        return events.stream().filter(e -> subjectId.equals(e.subjectId())).toList();
    }
}
