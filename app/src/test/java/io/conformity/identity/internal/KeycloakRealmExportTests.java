package io.conformity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.identity.Role;

/** The realm an operator imports: what Conformity relies on is in it, and nothing secret or personal is. */
class KeycloakRealmExportTests {

    private static final Path REALM = Path.of("..", "docs", "keycloak", "conformity-realm.json");

    @Test
    void theRealmHasTheApplicationsRolesAndAClientForPkceOnlyWithoutUsersOrSecrets() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());

        assertThat(realm.get("realm").asText()).isEqualTo("conformity");
        assertThat(realm.get("roles").get("realm").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Role.values()).map(Role::group).toList());
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.toString()).doesNotContainIgnoringCase("\"secret\"").doesNotContain("\"credentials\"");

        assertThat(realm.get("clients")).hasSize(1);
        JsonNode client = realm.get("clients").get(0);
        assertThat(client.get("clientId").asText()).isEqualTo("conformity");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("attributes").get("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        assertThat(client.get("redirectUris").get(0).asText())
                .isEqualTo("http://localhost:8080/login/oauth2/code/" + KeycloakProperties.REGISTRATION_ID);

        JsonNode mappers = client.get("protocolMappers");
        assertThat(mappers.findValuesAsText("protocolMapper"))
                .contains(
                        "oidc-audience-mapper", "oidc-usermodel-realm-role-mapper", "oidc-usermodel-attribute-mapper");
        for (JsonNode mapper : mappers) {
            JsonNode config = mapper.get("config");
            switch (mapper.get("protocolMapper").asText()) {
                case "oidc-audience-mapper" -> {
                    assertThat(config.get("included.client.audience").asText()).isEqualTo("conformity");
                    assertThat(config.get("access.token.claim").asText()).isEqualTo("true");
                }
                case "oidc-usermodel-realm-role-mapper" ->
                    assertThat(config.get("claim.name").asText()).isEqualTo(KeycloakClaims.REALM_ACCESS + ".roles");
                case "oidc-usermodel-attribute-mapper" -> {
                    assertThat(config.get("user.attribute").asText()).isEqualTo("function");
                    assertThat(config.get("claim.name").asText()).isEqualTo(KeycloakClaims.FUNCTION);
                }
                default -> {}
            }
        }
    }
}
