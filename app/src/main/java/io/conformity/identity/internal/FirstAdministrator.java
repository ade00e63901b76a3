package io.conformity.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.IdentityProperties;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.web.WebProperties;

/**
 * Makes sure an installation can get its first administrator without any default password: from an
 * operator-supplied secret, or through a one-time link printed to the log.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService identity;
    private final SetupTokenRepository tokens;
    private final IdentityProperties properties;
    private final WebProperties web;
    private final Clock clock;
    private final KeycloakProperties keycloak;
    private final SecureRandom random = new SecureRandom();

    FirstAdministrator(
            AccountService identity,
            SetupTokenRepository tokens,
            IdentityProperties properties,
            WebProperties web,
            Clock clock,
            KeycloakProperties keycloak) {
        this.keycloak = keycloak;
        this.identity = identity;
        this.tokens = tokens;
        this.properties = properties;
        this.web = web;
        this.clock = clock;
    }

    // Before anything else that might create accounts (the demo seeder), or no administrator would be made.
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void ensureAdministrator() {
        if (keycloak.issuerUri() != null) {
            // Administrators are the realm's holders of the admin role; a local password could not sign in anyway.
            log.info("Identity provider: {}. Administrators hold its realm role 'admin'.", keycloak.issuerUri());
            return;
        }
        if (identity.hasAdministrator()) {
            return;
        }
        IdentityProperties.InitialAdmin initial = properties.initialAdmin();
        String secret = initialSecret(initial);
        if (secret != null) {
            identity.createUser(
                    new CreateUserCommand(initial.username(), "Administrator", null, List.of(Role.ADMIN), secret));
            log.info("Created the initial administrator '{}' from the operator-supplied secret.", initial.username());
            return;
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.deleteAll();
        tokens.save(new SetupToken(sha256(token), clock.instant().plus(properties.setupLinkValidity())));
        log.warn("""

                No administrator exists yet. Create the first one within {} with this one-time link:
                    {}/setup.html?token={}
                (or POST {"token", "username", "displayName", "password"} as JSON to {}/api/v1/setup)""", properties.setupLinkValidity(), web.publicUrl(), token, web.publicUrl());
    }

    /**
     * Consumes the one-time token and creates the first administrator. Of parallel attempts with the same token
     * exactly one deletes its row (the others wait on the row lock and then delete nothing), so exactly one
     * administrator is made; the others learn that the installation is set up.
     */
    @Transactional
    public UserView completeSetup(String token, CreateUserCommand admin) {
        if (identity.hasAdministrator()) {
            throw alreadySetUp();
        }
        if (token == null || tokens.consume(sha256(token), clock.instant()) == 0) {
            // Read after the row lock was released: a parallel setup that consumed the token has committed.
            if (identity.hasAdministrator()) {
                throw alreadySetUp();
            }
            throw new InvalidSetupTokenException();
        }
        return identity.createUser(new CreateUserCommand(
                admin.username(), admin.displayName(), admin.function(), List.of(Role.ADMIN), admin.password()));
    }

    private static ProblemException alreadySetUp() {
        return new ProblemException(ProblemType.ALREADY_SET_UP, "An administrator exists; ask them for an account.");
    }

    private static String initialSecret(IdentityProperties.InitialAdmin initial) {
        if (initial.passwordFile() != null) {
            try {
                return Files.readString(initial.passwordFile(), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read the initial admin password file " + initial.passwordFile(), e);
            }
        }
        return initial.password() == null || initial.password().isBlank() ? null : initial.password();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static class InvalidSetupTokenException extends ProblemException {
        InvalidSetupTokenException() {
            super(
                    ProblemType.INVALID_SETUP_TOKEN,
                    "The setup link is unknown, used or expired. Restart the server to print a new one.");
        }
    }
}
