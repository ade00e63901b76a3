package io.conformity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The Spring test configuration with Keycloak as the identity provider: the JVM's {@link KeycloakServer} (started
 * here, in the background, while the context starts) and an installation of its own (H2 in a fresh folder). The
 * one configuration besides {@link ConformityIntegrationTest}: every Keycloak test shares its context. The
 * application listens on the port the realm's redirect URIs name; its clock is a {@link MutableClock}, so a test can
 * let a token expire.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = KeycloakIntegrationTest.Installation.class)
@Import(MutableClock.Configuration.class)
public @interface KeycloakIntegrationTest {

    final class Installation implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            KeycloakServer keycloak = KeycloakServer.instance();
            TestPropertyValues.of(
                            "server.port=" + keycloak.applicationPort(),
                            "conformity.data-dir=" + TestInstallation.newDataDirectory("keycloak-installation-"),
                            "conformity.identity.keycloak.issuer-uri=" + keycloak.issuer(),
                            "conformity.identity.keycloak.client-id=" + KeycloakServer.CLIENT,
                            "conformity.identity.keycloak.client-secret=" + keycloak.clientSecret())
                    .applyTo(context);
        }
    }
}
