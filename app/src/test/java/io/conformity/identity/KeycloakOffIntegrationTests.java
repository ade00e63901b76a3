package io.conformity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.conformity.support.ApiClient;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Problems;

/** Without Keycloak properties nothing of Keycloak is there: local accounts only, as before. */
@ConformityIntegrationTest
class KeycloakOffIntegrationTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void noKeycloakSignInAndNoBearerJwtsWithoutItsProperties() throws Exception {
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(JwtDecoder.class)).isEmpty();

        ApiClient.Response signIn = new ApiClient(port).get(null, "/oauth2/authorization/keycloak");
        // Not an authorization request to any identity provider: an unknown page, sent to the local sign-in page.
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.headers().getLocation()).hasPath("/login");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users/me"))
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer eyJhbGciOiJSUzI1NiJ9.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhZG1pbiJ9.c2ln")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        HttpHeaders headers = new HttpHeaders();
        answer.headers().map().forEach(headers::addAll);
        ApiClient.Response bearer = new ApiClient.Response(answer.statusCode(), headers, answer.body());
        Problems.assertProblem(bearer, 401);
    }
}
