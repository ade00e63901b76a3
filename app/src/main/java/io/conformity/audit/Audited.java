package io.conformity.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state change to append to the audit trail. Publish it with Spring's {@code ApplicationEventPublisher} inside
 * the transaction that makes the change: the audit module appends it synchronously, so the entry commits with the
 * change or not at all.
 *
 * @param action what happened, dotted lower case, e.g. {@code evidence.uploaded}, {@code token.revoked}
 * @param subjectType the kind of thing changed, e.g. {@code assessment}, {@code user}
 * @param subjectId its id (an assessment's id for everything that happens within an assessment)
 * @param change the facts of the change; its canonical JSON is digested into the entry
 * @param processInstanceId the workflow's process instance, when the change happened within one; else null
 * @param actor who acted when no one is authenticated (a failed login's attempted user name); null means the
 *     authenticated caller, or the system for engine jobs
 */
public record Audited(
        String action,
        String subjectType,
        String subjectId,
        Map<String, ?> change,
        String processInstanceId,
        String actor) {

    public Audited {
        // A copy that keeps null values: "no comment" is a fact of the change too.
        change = change == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(change));
    }

    public static Audited of(String action, String subjectType, String subjectId, Map<String, ?> change) {
        return new Audited(action, subjectType, subjectId, change, null, null);
    }
}
