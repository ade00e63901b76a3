package io.conformity.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.transaction.PlatformTransactionManager;

import io.conformity.identity.CurrentUser;
import io.conformity.validation.PrintableCharacters;

/**
 * Keycloak as the identity provider, only when {@code conformity.identity.keycloak.issuer-uri} is set. People
 * sign in on the realm's login page (authorization code, PKCE S256, confidential client); the API takes the
 * realm's access tokens as bearer tokens, checked for this realm's issuer and this client in their audience.
 * Realm roles become the application's roles; signing out ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "conformity.identity.keycloak", name = "issuer-uri")
class KeycloakConfiguration {

    /** The browser starts signing in here; Keycloak returns it to {@code /login/oauth2/code/keycloak}. */
    static final String SIGN_IN = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
            + KeycloakProperties.REGISTRATION_ID;

    // A JWS in compact form: three base64url parts. Any other bearer value (a personal API token) is left to the
    // mechanism that issued it instead of failing here as a malformed JWT.
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Bean
    ClientRegistrationRepository keycloakRegistrations(KeycloakProperties properties) {
        return new KeycloakRegistrations(properties);
    }

    @Bean
    KeycloakAccounts keycloakAccounts(
            UserAccountRepository users,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        return new KeycloakAccounts(users, transactions, events, clock);
    }

    /**
     * Access tokens of the realm only: its issuer, signed with its published keys, within their validity, naming
     * this client in their audience (the realm's audience mapper puts it there), and an access token rather than
     * an ID token (which names the client in its audience too). The realm's keys are fetched at first use, so
     * Conformity starts while Keycloak is still starting.
     */
    @Bean
    JwtDecoder keycloakJwtDecoder(
            KeycloakProperties properties, Clock clock, ObjectProvider<PrintableCharacters> printable) {
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.clientId())
                        ? OAuth2TokenValidatorResult.success()
                        : invalid("The token is not meant for " + properties.clientId() + " (audience).");
        // Keycloak's own token type claim: "Bearer" for access tokens, "ID" for ID tokens.
        OAuth2TokenValidator<Jwt> accessToken = jwt -> "Bearer".equals(jwt.getClaimAsString("typ"))
                ? OAuth2TokenValidatorResult.success()
                : invalid("Not an access token.");
        OAuth2TokenValidator<Jwt> user = jwt -> KeycloakClaims.problem(jwt, printable.getIfAvailable())
                .map(KeycloakConfiguration::invalid)
                .orElseGet(OAuth2TokenValidatorResult::success);
        // Expiry on the application's clock, with the default minute of leeway for clocks that drift apart.
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> all = new DelegatingOAuth2TokenValidator<>(
                timestamps, new JwtIssuerValidator(properties.issuer()), audience, accessToken, user);
        // Built at the first token (Nimbus reads the issuer's discovery document as it is built); a failed
        // attempt is made again at the next token.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
            decoder.setJwtValidator(all);
            return decoder;
        });
    }

    @Bean
    SecurityContribution keycloakSignIn(
            KeycloakProperties properties,
            ClientRegistrationRepository registrations,
            JwtDecoder keycloakJwtDecoder,
            KeycloakAccounts accounts,
            ObjectProvider<PrintableCharacters> printable,
            SecurityProblems problems) {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler endBoth = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endBoth.setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
        OAuth2UserService<OidcUserRequest, OidcUser> users = oidcUsers(accounts, printable);
        Converter<Jwt, AbstractAuthenticationToken> bearer = jwt -> {
            CurrentUser caller = KeycloakClaims.caller(jwt);
            accounts.mirror(caller, KeycloakClaims.email(jwt));
            return new JwtAuthenticationToken(jwt, KeycloakClaims.authorities(caller.roles()), caller.username());
        };
        AuthenticationFailureHandler signInFailed = (request, response, e) -> problems.unauthenticatedBecause(
                request,
                response,
                "Signing in with Keycloak failed: " + signInFailure(e) + " Start again at " + SIGN_IN + ".");
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint refused = (request, response, e) -> {
            challenge.commence(request, response, e);
            problems.unauthenticatedBecause(
                    request,
                    response,
                    "The bearer token was refused: it is malformed, expired, or not an access token of this realm for "
                            + properties.clientId() + ".");
        };
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        BearerTokenResolver jwtOnly = request -> {
            String token = header.resolve(request);
            return token != null && COMPACT_JWS.matcher(token).matches() ? token : null;
        };
        return http -> {
            // Whatever the chain's session policy for local accounts, a browser signed in through Keycloak keeps
            // its sign-in in the session (bearer requests still keep theirs to the request).
            http.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                    new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())));
            http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                    // No generated login page: signing in happens on Keycloak's.
                    .loginPage(SIGN_IN)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                    // The tokens of a sign-in live and die with its session, not in a per-node map of every user.
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .defaultSuccessUrl("/", false)
                    .failureHandler(signInFailed));
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(jwtOnly)
                    .authenticationEntryPoint(refused)
                    .jwt(jwt -> jwt.decoder(keycloakJwtDecoder).jwtAuthenticationConverter(bearer)));
            http.logout(logout -> logout.logoutSuccessHandler(endBoth));
        };
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(
            KeycloakAccounts accounts, ObjectProvider<PrintableCharacters> printable) {
        OidcUserService keycloak = new OidcUserService();
        return request -> {
            OidcUser user = keycloak.loadUser(request);
            Optional<String> problem = KeycloakClaims.problem(user, printable.getIfAvailable());
            if (problem.isPresent()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", problem.get(), null));
            }
            CurrentUser caller = KeycloakClaims.caller(user);
            accounts.mirror(caller, KeycloakClaims.email(user));
            return new DefaultOidcUser(
                    KeycloakClaims.authorities(caller.roles()),
                    user.getIdToken(),
                    user.getUserInfo(),
                    KeycloakClaims.USERNAME);
        };
    }

    private static String signInFailure(Exception e) {
        if (e instanceof OAuth2AuthenticationException oauth
                && "invalid_user".equals(oauth.getError().getErrorCode())) {
            return oauth.getError().getDescription() + ".";
        }
        return "the identity provider's answer was refused.";
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    /**
     * The client registration, read from the realm's discovery document at first use rather than at start, so
     * that Conformity starts while Keycloak is unreachable; a failed read is tried again by the next sign-in.
     */
    static final class KeycloakRegistrations implements ClientRegistrationRepository {

        private final KeycloakProperties properties;
        private volatile ClientRegistration registration;

        KeycloakRegistrations(KeycloakProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!KeycloakProperties.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(properties.issuer())
                                .registrationId(KeycloakProperties.REGISTRATION_ID)
                                .clientId(properties.clientId())
                                .clientSecret(properties.clientSecret())
                                .scope("openid", "profile")
                                .userNameAttributeName(KeycloakClaims.USERNAME)
                                .build();
                    }
                    found = registration;
                }
            }
            return found;
        }
    }
}
