package io.conformity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;

class KeycloakPropertiesTests {

    private static final URI ISSUER = URI.create("https://sso.example.com/realms/conformity/");

    @Test
    void withoutAnIssuerNothingIsRequired() {
        new KeycloakProperties(null, "conformity", null, "{baseUrl}/");
    }

    @Test
    void anIssuerNeedsAClientAndItsSecretWhichIsNeverPrinted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeycloakProperties(ISSUER, "conformity", null, "{baseUrl}/"))
                .withMessageContaining("CONFORMITY_IDENTITY_KEYCLOAK_CLIENT_SECRET");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeycloakProperties(ISSUER, " ", "s3cret", "{baseUrl}/"))
                .withMessageContaining("client-id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeycloakProperties(URI.create("/realms/conformity"), "conformity", "s3cret", "/"))
                .withMessageContaining("absolute");

        KeycloakProperties properties = new KeycloakProperties(ISSUER, "conformity", "s3cret", "{baseUrl}/");
        assertThat(properties.issuer()).isEqualTo("https://sso.example.com/realms/conformity");
        assertThat(properties.toString()).doesNotContain("s3cret");
    }
}
