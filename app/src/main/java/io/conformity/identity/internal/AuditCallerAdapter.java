package io.conformity.identity.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.conformity.audit.AuditCaller;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;

/** Tells the audit trail who acts, and in which roles. */
@Component
class AuditCallerAdapter implements AuditCaller {

    private final IdentityApi identity;

    AuditCallerAdapter(IdentityApi identity) {
        this.identity = identity;
    }

    @Override
    public Optional<Caller> caller() {
        return identity.caller()
                .map(user -> new Caller(
                        user.username(),
                        user.roles().stream().map(Role::group).sorted().toList()));
    }
}
