package io.conformity.identity.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * An optional authentication mechanism (Keycloak's OIDC login and bearer JWTs) that {@link SecurityConfiguration}
 * applies to its filter chain after its own settings, so each mechanism lives in its own class.
 */
interface SecurityContribution {

    void contribute(HttpSecurity http) throws Exception;
}
