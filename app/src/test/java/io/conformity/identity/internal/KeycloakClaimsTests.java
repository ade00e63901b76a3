package io.conformity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;

class KeycloakClaimsTests {

    @Test
    void realmRolesNamedAfterTheWorkflowGroupsBecomeRolesAndOthersAreIgnored() {
        Jwt token = token(Map.of(
                "preferred_username",
                "olivia",
                "name",
                "Olivia Officer",
                "realm_access",
                Map.of(
                        "roles",
                        List.of(
                                "compliance-officer",
                                "signatory",
                                "default-roles-conformity",
                                "offline_access",
                                "ADMIN",
                                "COMPLIANCE_OFFICER"))));

        CurrentUser caller = KeycloakClaims.caller(token);

        assertThat(caller.username()).isEqualTo("olivia");
        assertThat(caller.displayName()).isEqualTo("Olivia Officer");
        assertThat(caller.function()).isNull();
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.COMPLIANCE_OFFICER, Role.SIGNATORY);
        assertThat(KeycloakClaims.authorities(caller.roles()))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_COMPLIANCE_OFFICER", "ROLE_SIGNATORY");
    }

    @Test
    void noRealmAccessMeansNoRoleAndNoNameMeansTheUserName() {
        CurrentUser caller = KeycloakClaims.caller(token(Map.of("preferred_username", "nobody", "function", "  ")));
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.displayName()).isEqualTo("nobody");
        assertThat(caller.function()).isNull();
        assertThat(KeycloakClaims.roles(token(Map.of("realm_access", "not an object"))))
                .isEmpty();
        assertThat(KeycloakClaims.roles(token(Map.of("realm_access", Map.of("roles", "admin")))))
                .isEmpty();
    }

    @Test
    void userNamesFollowTheLocalRulesAndPrintedTextMustPrint() {
        assertThat(KeycloakClaims.problem(token(Map.of("preferred_username", "olivia")), null))
                .isEmpty();
        assertThat(KeycloakClaims.problem(token(Map.of("sub", "x")), null)).isPresent();
        assertThat(KeycloakClaims.problem(token(Map.of("preferred_username", "o@example.org")), null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("preferred_username"));
        assertThat(KeycloakClaims.problem(
                        token(Map.of("preferred_username", "olivia", "name", "Olivia \u202EreciffO")), null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("'name'"));
        assertThat(KeycloakClaims.problem(
                        token(Map.of("preferred_username", "olivia", "function", "x".repeat(201))), null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("'function'"));
        assertThat(KeycloakClaims.problem(
                        token(Map.of("preferred_username", "olivia", "function", "Head of \u16A0")),
                        text -> text.indexOf('\u16A0') < 0 ? OptionalInt.empty() : OptionalInt.of(0x16A0)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("U+16A0"));
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .issuedAt(Instant.now())
                .build();
    }
}
