package io.conformity.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.conformity.audit.Audited;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;

/**
 * Keeps a local row for every Keycloak user who signed in or called the API: administrators list users and grant
 * product membership by user name, and a user who never appeared would be invisible to them. The row mirrors the
 * token (name, function, roles) and has no password; the token stays the authority for what the caller may do.
 */
class KeycloakAccounts {

    private final UserAccountRepository users;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // What this node last wrote per user: a bearer token arrives with every API call, and its row needs writing
    // only when the user first appears or Keycloak changed them. Bounded by the realm's users.
    private final Map<String, Mirrored> mirrored = new ConcurrentHashMap<>();

    private record Mirrored(CurrentUser user, String email) {}

    KeycloakAccounts(
            UserAccountRepository users,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /** @param email the verified address from the token, or null */
    void mirror(CurrentUser user, String email) {
        Mirrored current = new Mirrored(user, email);
        if (current.equals(mirrored.get(user.username()))) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> write(user, email));
        } catch (DataIntegrityViolationException e) {
            // A parallel first request of the same user inserted the row: update that one.
            transaction.executeWithoutResult(status -> write(user, email));
        }
        mirrored.put(user.username(), current);
    }

    private void write(CurrentUser user, String email) {
        Optional<UserAccount> existing = users.findByUsername(user.username());
        if (existing.isEmpty()) {
            users.saveAndFlush(UserAccount.mirror(user, email, clock.instant()));
            events.publishEvent(audited("user.created", user, describe(user)));
            return;
        }
        UserAccount account = existing.get();
        UserView row = account.view();
        CurrentUser before = new CurrentUser(row.username(), row.displayName(), row.function(), row.roles());
        boolean emailChanged = !Objects.equals(row.email(), email);
        if (before.equals(user) && !emailChanged) {
            return;
        }
        account.mirrorOf(user, email);
        if (emailChanged) {
            events.publishEvent(
                    audited("user.email-changed", user, Map.of("source", "keycloak", "emailSet", email != null)));
        }
        if (!before.roles().equals(user.roles())) {
            events.publishEvent(audited(
                    "user.roles-changed",
                    user,
                    Map.of("source", "keycloak", "before", groups(before), "after", groups(user))));
        }
        if (!Objects.equals(before.displayName(), user.displayName())
                || !Objects.equals(before.function(), user.function())) {
            events.publishEvent(audited("user.details-changed", user, describe(user)));
        }
    }

    private static Audited audited(String action, CurrentUser user, Map<String, ?> change) {
        // Written while the token is being checked, before anyone is authenticated: the user is the actor.
        return new Audited(action, "user", user.username(), change, null, user.username());
    }

    private static Map<String, Object> describe(CurrentUser user) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("source", "keycloak");
        change.put("displayName", user.displayName());
        if (user.function() != null) {
            change.put("function", user.function());
        }
        change.put("roles", groups(user));
        return change;
    }

    private static List<String> groups(CurrentUser user) {
        return user.roles().stream().sorted().map(Role::group).toList();
    }
}
