package io.conformity.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.validation.TextRules;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic over local accounts for the API, stateless so no session cookie (and hence no CSRF exposure)
 * exists. The Keycloak issue swaps the authentication mechanism here; roles and {@code IdentityApi} stay.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    // No inline script or style anywhere (pages load theirs from this origin); nothing may frame the pages.
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, List<SecurityContribution> contributions)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"conformity\"");
            write(
                    json,
                    response,
                    ProblemException.problem(ProblemType.UNAUTHENTICATED, "Authenticate to use this resource."));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(
                json,
                response,
                ProblemException.problem(ProblemType.FORBIDDEN, "Your roles do not allow this action."));
        for (SecurityContribution contribution : contributions) {
            contribution.contribute(http);
        }
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/v1/setup",
                                "/setup.html",
                                "/setup.js",
                                "/setup.css",
                                "/error",
                                "/actuator/health",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        // Anyone holding a declaration may check it (rate-limited per address) and read its register
                        // entry, the page its printed verification URL and QR code lead to.
                        .requestMatchers(HttpMethod.POST, "/api/v1/verify")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/register/*")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Argon2id for new hashes (any length: bcrypt reads only the first 72 bytes and Spring refuses more); hashes
     * made before keep verifying through their {@code {bcrypt}} prefix. Passwords are compared in NFC, as JSON
     * input is normalised but an HTTP Basic header is not.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegating = new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegating.encode(TextRules.normalize(raw.toString()));
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return delegating.matches(TextRules.normalize(raw.toString()), encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegating.upgradeEncoding(encoded);
            }
        };
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
