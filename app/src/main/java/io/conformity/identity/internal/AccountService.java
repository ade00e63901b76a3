package io.conformity.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

@Service
@Validated
@Transactional
class AccountService implements IdentityApi, UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No authenticated user");
        }
        Optional<CurrentUser> fromToken = KeycloakClaims.caller(authentication);
        if (fromToken.isPresent()) {
            return fromToken.get();
        }
        UserView user = user(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("Unknown user " + authentication.getName()));
        return new CurrentUser(user.username(), user.displayName(), user.function(), user.roles());
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
    public UserView createUser(CreateUserCommand command) {
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
        UserAccount account = new UserAccount(
                command.username(),
                command.displayName(),
                command.function(),
                EnumSet.copyOf(command.roles()),
                passwordEncoder.encode(command.password()),
                clock.instant());
        try {
            // Flushed here so that a parallel request for the same name, which passed the check above too, meets
            // the unique constraint inside this method and not at commit.
            return users.saveAndFlush(account).view();
        } catch (DataIntegrityViolationException e) {
            // The only unique key of a new account besides its random id is the user name.
            throw duplicate(command.username());
        }
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
