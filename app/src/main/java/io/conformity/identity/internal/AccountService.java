package io.conformity.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.audit.Audited;
import io.conformity.identity.ApiTokenView;
import io.conformity.identity.CreateTokenCommand;
import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.EmailAddress;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.NewApiToken;
import io.conformity.identity.PasswordChangeCommand;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

@Service
@Validated
@Transactional
class AccountService implements IdentityApi, UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final ApiTokenService tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            ApiTokenService tokens,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser currentUser() {
        return caller().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean passwordChangeRequired() {
        return caller().flatMap(user -> live(user.username()))
                .map(LiveAccount::passwordChangeRequired)
                .orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentUser> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof CurrentUser live) {
            // Read from the account at the start of this request (LiveAccountFilter), narrowed to the token's scope.
            return Optional.of(live);
        }
        Optional<CurrentUser> fromToken = KeycloakClaims.caller(authentication);
        if (fromToken.isPresent()) {
            return fromToken;
        }
        Optional<CurrentUser> known = user(authentication.getName())
                .map(user -> new CurrentUser(user.username(), user.displayName(), user.function(), user.roles()));
        if (known.isPresent()) {
            return known;
        }
        // Authenticated elsewhere (an identity provider) without a local account: its granted roles are what it has.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().forEach(granted -> {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        });
        return Optional.of(new CurrentUser(authentication.getName(), authentication.getName(), null, roles));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> user(String username) {
        return users.findByUsername(username).map(UserAccount::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<UserView> users(Pageable pageable) {
        return users.findAll(pageable).map(UserAccount::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> users(Collection<String> usernames) {
        return usernames.isEmpty()
                ? List.of()
                : users.findByUsernameIn(usernames).stream()
                        // A disabled account is told nothing: it may belong to someone who has left.
                        .filter(UserAccount::enabled)
                        .map(UserAccount::view)
                        .toList();
    }

    @Override
    public UserView changeEmail(String email) {
        UserAccount account = account(currentUser().username());
        if (!account.local()) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "Your e-mail address comes from the identity provider (its verified email claim): change it"
                            + " there.");
        }
        String address = null;
        if (email != null && !email.isBlank()) {
            address = EmailAddress.valid(email)
                    .orElseThrow(() -> new InvalidInputException(
                            "The e-mail address was not changed.",
                            List.of(InvalidInputException.at(
                                    "/email",
                                    EmailAddress.MESSAGE + ", at most " + EmailAddress.MAX_LENGTH + " characters"))));
        }
        if (!Objects.equals(address, account.email())) {
            account.changeEmail(address);
            // Whether an address is set, not the address: the trail records that notifications may leave by e-mail.
            events.publishEvent(
                    Audited.of("user.email-changed", "user", account.username(), Map.of("emailSet", address != null)));
        }
        return account.view();
    }

    @Override
    public UserView createUser(CreateUserCommand command) {
        return create(command, false);
    }

    @Override
    public UserView createUserWithTemporaryPassword(CreateUserCommand command) {
        return create(command, true);
    }

    /** {@code temporary}: saved needing a password change, in the same transaction as the account itself. */
    private UserView create(CreateUserCommand command, boolean temporary) {
        if (command.roles().contains(Role.SIGNATORY)
                && (command.function() == null || command.function().isBlank())) {
            // PSTI Schedule 4 (f): every declaration states the signatory's function.
            throw new InvalidInputException(
                    "A signatory's function is printed on every declaration they approve.",
                    List.of(InvalidInputException.at("/function", "is required for a signatory")));
        }
        if (users.existsByUsername(command.username())) {
            throw duplicate(command.username());
        }
        policy.check(command.username(), command.password(), "/password");
        UserAccount account = new UserAccount(
                command.username(),
                command.displayName(),
                command.function(),
                EnumSet.copyOf(command.roles()),
                passwordEncoder.encode(command.password()),
                EmailAddress.valid(command.email()).orElse(null),
                clock.instant());
        if (temporary) {
            account.requirePasswordChange();
        }
        try {
            // Flushed here so that a parallel request for the same name, which passed the check above too, meets
            // the unique constraint inside this method and not at commit.
            UserView created = users.saveAndFlush(account).view();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("roles", names(created.roles()));
            if (temporary) {
                // One entry for the whole step: the trail shows the account never had a password of its own.
                details.put("changeRequired", true);
            }
            events.publishEvent(Audited.of("user.created", "user", created.username(), details));
            return created;
        } catch (DataIntegrityViolationException e) {
            // The only unique key of a new account besides its random id is the user name.
            throw duplicate(command.username());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens() {
        return tokens.list(currentUser().username());
    }

    @Override
    public NewApiToken createToken(CreateTokenCommand command) {
        ApiTokenService.CreatedToken created = tokens.create(currentUser().username(), command);
        return new NewApiToken(created.token(), created.secret());
    }

    @Override
    public ApiTokenView revokeToken(UUID id) {
        return tokens.revoke(currentUser().username(), id);
    }

    @Override
    public void changePassword(PasswordChangeCommand command) {
        UserAccount account = account(currentUser().username());
        if (!passwordEncoder.matches(command.currentPassword(), account.passwordHash())) {
            throw new InvalidInputException(
                    "The current password is wrong; nothing was changed.",
                    List.of(InvalidInputException.at("/currentPassword", "is not your current password")));
        }
        if (passwordEncoder.matches(command.newPassword(), account.passwordHash())) {
            throw new InvalidInputException(
                    "The new password is the current one; nothing was changed.",
                    List.of(InvalidInputException.at("/newPassword", "must differ from the current password")));
        }
        policy.check(account.username(), command.newPassword(), "/newPassword");
        account.changePassword(passwordEncoder.encode(command.newPassword()), false, clock.instant());
        events.publishEvent(Audited.of("password.changed", "user", account.username(), Map.of()));
    }

    @Override
    public void resetPassword(String username, String temporaryPassword) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        policy.check(username, temporaryPassword, "/temporaryPassword");
        account.changePassword(passwordEncoder.encode(temporaryPassword), true, clock.instant());
        events.publishEvent(Audited.of("password.reset", "user", username, Map.of("changeRequired", true)));
        // A reset is what an administrator does when the account may be in someone else's hands: whatever that
        // someone made with it goes too (its sessions end through credentialsChangedAt).
        tokens.revokeAll(account.id(), username);
    }

    @Override
    public UserView changeRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(
                    "An account needs at least one role.",
                    List.of(InvalidInputException.at("/roles", "must not be empty")));
        }
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        if (roles.contains(Role.SIGNATORY)
                && (account.function() == null || account.function().isBlank())) {
            throw new InvalidInputException(
                    "A signatory's function is printed on every declaration they approve.",
                    List.of(InvalidInputException.at("/roles", "SIGNATORY needs an account with a function")));
        }
        Set<String> before = names(account.roles());
        account.changeRoles(roles);
        Set<String> after = names(roles);
        if (!before.equals(after)) {
            events.publishEvent(
                    Audited.of("user.roles-changed", "user", username, Map.of("before", before, "after", after)));
        }
        return account.view();
    }

    /** A failed password sign-in, for the audit trail: the attempted name is the actor, known or not. */
    void signInFailed(String attemptedUsername, String address) {
        String name = attemptedUsername == null ? "" : attemptedUsername;
        events.publishEvent(new Audited("login.failed", "user", name, Map.of("address", address), null, name));
    }

    /** The account as it is now, for the request being authenticated. */
    @Transactional(readOnly = true)
    Optional<LiveAccount> live(String username) {
        return users.findByUsername(username).map(LiveAccount::of);
    }

    private UserAccount account(String username) {
        return users.findByUsername(username).orElseThrow(() -> new IllegalStateException("Unknown user " + username));
    }

    private static Set<String> names(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Role::name).toList());
    }

    private static ProblemException duplicate(String username) {
        return new ProblemException(ProblemType.DUPLICATE_USER, "A user named '" + username + "' already exists.");
    }

    @Transactional(readOnly = true)
    boolean hasAdministrator() {
        return users.existsEnabledWithRole(Role.ADMIN);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                // A Keycloak user's mirror has no password: the same answer as for an unknown name.
                .filter(found -> found.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        Set<Role> roles = account.roles();
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(roles.stream().map(Role::authority).toArray(String[]::new))
                .build();
    }
}
