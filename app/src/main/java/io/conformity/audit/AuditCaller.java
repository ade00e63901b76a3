package io.conformity.audit;

import java.util.List;
import java.util.Optional;

/**
 * Who is acting now. Implemented by the identity module, which publishes audit events itself and therefore cannot
 * be a dependency of this one; empty for the engine's jobs and for unauthenticated calls.
 */
public interface AuditCaller {

    Optional<Caller> caller();

    /** @param roles the caller's role names, e.g. {@code compliance-officer} */
    record Caller(String username, List<String> roles) {

        public Caller {
            roles = List.copyOf(roles);
        }
    }
}
