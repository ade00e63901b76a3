package io.conformity.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.EmailAddress;
import io.conformity.identity.Role;
import io.conformity.validation.PrintableCharacters;
import io.conformity.validation.TextRules;

/**
 * How a Keycloak token describes a user: {@code preferred_username}, {@code name}, the {@code function} user
 * attribute and the realm roles in {@code realm_access.roles} whose names are {@link Role#group()}. Other realm
 * roles (Keycloak's defaults) mean nothing here.
 */
final class KeycloakClaims {

    static final String USERNAME = StandardClaimNames.PREFERRED_USERNAME;
    static final String NAME = StandardClaimNames.NAME;
    static final String FUNCTION = "function";
    static final String REALM_ACCESS = "realm_access";
    static final String EMAIL = StandardClaimNames.EMAIL;
    static final String EMAIL_VERIFIED = StandardClaimNames.EMAIL_VERIFIED;

    // The local accounts' rule (CreateUserCommand): product membership and the audit trail name users by it.
    private static final Pattern USERNAME_RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final int TEXT_LIMIT = 200;

    private KeycloakClaims() {}

    /** The caller a token describes; {@link #problem} must have found nothing wrong with it. */
    static CurrentUser caller(ClaimAccessor claims) {
        String username = claims.getClaimAsString(USERNAME);
        String name = TextRules.normalize(claims.getClaimAsString(NAME));
        String function = TextRules.normalize(claims.getClaimAsString(FUNCTION));
        return new CurrentUser(
                username,
                name == null || name.isBlank() ? username : name.strip(),
                function == null || function.isBlank() ? null : function.strip(),
                roles(claims));
    }

    /**
     * Where the user's notifications are e-mailed: the {@code email} claim when Keycloak says it is verified (an
     * unverified address may be anyone's) and of the accepted form; else none.
     */
    static String email(ClaimAccessor claims) {
        if (!Boolean.TRUE.equals(claims.getClaimAsBoolean(EMAIL_VERIFIED))) {
            return null;
        }
        return EmailAddress.valid(claims.getClaimAsString(EMAIL)).orElse(null);
    }

    /** The caller behind a Keycloak sign-in or bearer token; empty for any other kind of authentication. */
    static Optional<CurrentUser> caller(Authentication authentication) {
        if ((authentication instanceof JwtAuthenticationToken || authentication instanceof OAuth2AuthenticationToken)
                && authentication.getPrincipal() instanceof ClaimAccessor claims) {
            return Optional.of(caller(claims));
        }
        return Optional.empty();
    }

    static Set<Role> roles(ClaimAccessor claims) {
        Object realmAccess = claims.getClaims().get(REALM_ACCESS);
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> names)) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (names.contains(role.group())) {
                roles.add(role);
            }
        }
        return roles;
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    /**
     * What makes the token's user unusable here, or empty: a user name outside the local accounts' rule, or a
     * name or function that a declaration could not print faithfully (the same rules as for local accounts).
     */
    static Optional<String> problem(ClaimAccessor claims, PrintableCharacters printable) {
        String username = claims.getClaimAsString(USERNAME);
        if (username == null || !USERNAME_RULE.matcher(username).matches()) {
            return Optional.of("the user name (preferred_username) must be 3 to 64 characters: lower-case letters, "
                    + "digits, '.', '_' or '-'");
        }
        return text(NAME, claims.getClaimAsString(NAME), printable)
                .or(() -> text(FUNCTION, claims.getClaimAsString(FUNCTION), printable));
    }

    private static Optional<String> text(String claim, String value, PrintableCharacters printable) {
        String normalized = TextRules.normalize(value);
        return TextRules.problem(normalized, TEXT_LIMIT, false)
                .or(() -> {
                    OptionalInt missing = printable == null || normalized == null
                            ? OptionalInt.empty()
                            : printable.firstUnprintable(normalized);
                    return missing.isPresent()
                            ? Optional.of("contains U+%04X, which no font of the declarations can print"
                                    .formatted(missing.getAsInt()))
                            : Optional.empty();
                })
                .map(problem -> "the claim '" + claim + "' " + problem);
    }
}
