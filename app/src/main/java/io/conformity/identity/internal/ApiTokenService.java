package io.conformity.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.audit.Audited;
import io.conformity.identity.ApiTokenView;
import io.conformity.identity.CreateTokenCommand;
import io.conformity.identity.Role;
import io.conformity.identity.TokenScope;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;

/** Personal API tokens: created by a user for themselves, shown once, stored as a digest, revocable. */
@Service
@Transactional
class ApiTokenService {

    /** Lets a scanner (and a person) recognise a leaked Conformity token; Keycloak's JWTs never start with it. */
    static final String PREFIX = "cfy_";

    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(
            ApiTokenRepository tokens, UserAccountRepository users, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    record CreatedToken(ApiTokenView token, String secret) {}

    /** The caller a valid token stands for, with the account as it is now. */
    record TokenCaller(UUID tokenId, TokenScope scope, UUID productId, LiveAccount account) {}

    CreatedToken create(String username, CreateTokenCommand request) {
        UserAccount owner = owner(username);
        Instant now = clock.instant();
        Instant expiresAt = expiry(request, now);
        if (request.scope().productBound() && request.productId() == null) {
            throw invalid("/productId", "is required for an evidence-upload token");
        }
        if (!request.scope().productBound() && request.productId() != null) {
            throw invalid("/productId", "is only for an evidence-upload token");
        }
        if (request.scope() == TokenScope.EVIDENCE_UPLOAD && !owner.roles().contains(Role.ENGINEER)) {
            throw invalid("/scope", "evidence-upload needs the ENGINEER role, which you do not have");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ApiToken token = new ApiToken(
                owner.id(),
                request.name().strip(),
                request.scope(),
                request.productId(),
                digest(secret),
                now,
                expiresAt);
        try {
            tokens.saveAndFlush(token);
        } catch (DataIntegrityViolationException e) {
            // The digest is random; the only reference a request can get wrong is the product.
            throw invalid("/productId", "no product has this id");
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("tokenId", token.id().toString());
        change.put("name", request.name().strip());
        change.put("scope", request.scope().slug());
        if (request.productId() != null) {
            change.put("productId", request.productId().toString());
        }
        change.put("expiresAt", expiresAt.toString());
        events.publishEvent(Audited.of("token.created", "user", owner.username(), change));
        return new CreatedToken(token.view(), secret);
    }

    @Transactional(readOnly = true)
    List<ApiTokenView> list(String username) {
        return tokens.findByUserIdOrderByCreatedAtDesc(owner(username).id()).stream()
                .map(ApiToken::view)
                .toList();
    }

    /** Idempotent: revoking a revoked token changes nothing and records nothing. */
    ApiTokenView revoke(String username, UUID id) {
        UserAccount owner = owner(username);
        ApiToken token = tokens.findByIdAndUserId(id, owner.id())
                // Another user's token is as unknown as a token that does not exist.
                .orElseThrow(() -> new NotFoundException("Token", id.toString()));
        if (!token.revoked()) {
            token.revoke(clock.instant());
            events.publishEvent(
                    Audited.of("token.revoked", "user", owner.username(), Map.of("tokenId", id.toString())));
        }
        return token.view();
    }

    /** Every unrevoked token of the account, each recorded as revoked. */
    void revokeAll(UUID userId, String username) {
        Instant now = clock.instant();
        for (ApiToken token : tokens.findByUserIdOrderByCreatedAtDesc(userId)) {
            if (!token.revoked()) {
                token.revoke(now);
                events.publishEvent(Audited.of(
                        "token.revoked",
                        "user",
                        username,
                        Map.of("tokenId", token.id().toString(), "reason", "password reset")));
            }
        }
    }

    /**
     * The caller of a token that exists, is neither revoked nor expired, and whose account is enabled; empty
     * otherwise, whichever the reason, so a guesser learns nothing. The last use is written at most once a minute.
     */
    Optional<TokenCaller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByDigest(digest(secret)).filter(t -> t.usableAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<UserAccount> account = users.findById(token.userId()).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            tokens.recordUse(token.id(), now, now.minus(USE_RECORDED_EVERY));
        }
        return Optional.of(
                new TokenCaller(token.id(), token.scope(), token.productId(), LiveAccount.of(account.get())));
    }

    private Instant expiry(CreateTokenCommand request, Instant now) {
        if ((request.expiresAt() == null) == (request.lifetime() == null)) {
            throw invalid("/expiresAt", "give either expiresAt or lifetime (an ISO-8601 duration such as P90D)");
        }
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt() : now.plus(request.lifetime());
        String pointer = request.expiresAt() != null ? "/expiresAt" : "/lifetime";
        if (!expiresAt.isAfter(now)) {
            throw invalid(pointer, "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw invalid(pointer, "a token lives at most " + MAX_LIFETIME.toDays() + " days");
        }
        return expiresAt;
    }

    private UserAccount owner(String username) {
        return users.findByUsername(username).orElseThrow(() -> new IllegalStateException("Unknown user " + username));
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException(
                "The token request is invalid; no token was created.",
                List.of(InvalidInputException.at(pointer, message)));
    }

    static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
