package io.conformity.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "job_function", length = 200)
    private String function;

    // None for a user of the identity provider (Keycloak): their row is a mirror, no password signs them in here.
    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    // A page of accounts loads its roles in one query, not one per account.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 40)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;

    @Column(length = 254)
    private String email;

    protected UserAccount() {}

    UserAccount(
            String username,
            String displayName,
            String function,
            Set<Role> roles,
            String passwordHash,
            String email,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.function = function;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.email = email;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /**
     * The local mirror of an identity provider's user, made at their first sign-in so that administrators can
     * list them and grant them product membership by user name. It has no password.
     */
    static UserAccount mirror(CurrentUser user, String email, Instant createdAt) {
        UserAccount account = new UserAccount();
        account.id = UUID.randomUUID();
        account.username = user.username();
        account.enabled = true;
        account.createdAt = createdAt;
        account.mirrorOf(user, email);
        return account;
    }

    /** Takes the identity provider's current name, function, roles and e-mail address. */
    void mirrorOf(CurrentUser user, String email) {
        this.displayName = user.displayName();
        this.function = user.function();
        this.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        this.email = email;
    }

    /** Whether the account signs in here (a local account) rather than at the identity provider. */
    boolean local() {
        return passwordHash != null;
    }

    String email() {
        return email;
    }

    /** @param email a valid address (see {@link io.conformity.identity.EmailAddress}), or null for none */
    void changeEmail(String email) {
        this.email = email;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** A new account's password was chosen by its administrator: the person replaces it at the first sign-in. */
    void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    /** A new hash; {@code temporary} when an administrator set it and the account must choose its own. */
    void changePassword(String passwordHash, boolean temporary, Instant at) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = temporary;
        this.credentialsChangedAt = at;
    }

    Instant credentialsChangedAt() {
        return credentialsChangedAt;
    }

    void changeRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    String displayName() {
        return displayName;
    }

    String function() {
        return function;
    }

    UserView view() {
        return new UserView(username, displayName, function, Set.copyOf(roles), email);
    }
}
