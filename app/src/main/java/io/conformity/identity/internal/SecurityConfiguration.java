package io.conformity.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

import io.conformity.validation.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Local accounts. People sign in on {@code /login} and get a session cookie (HttpOnly, SameSite=Lax) whose
 * state-changing requests need the CSRF token; scripts send HTTP Basic and pipelines personal API tokens
 * ({@code Authorization: Bearer cfy_…}), both without a session. A request that carries an {@code Authorization}
 * header needs no CSRF token: a browser adds none on its own, as no Basic challenge is ever sent for it to
 * remember. Keycloak adds its mechanisms through {@link SecurityContribution}; roles and {@code IdentityApi} stay.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    // No inline script or style anywhere (pages load theirs from this origin); nothing may frame the pages.
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** The pages' address space (the ui module); anything outside it and the API is refused. */
    private static final String[] PAGES = {
        "/",
        "/home",
        "/dashboard",
        "/account",
        "/account/**",
        "/notifications",
        "/notifications/**",
        "/products",
        "/products/**",
        "/releases/**",
        "/assessments/**",
        "/tasks/**",
        "/declarations/**",
        // The register search, as the API's GET /api/v1/register, is for regulators and the manufacturer's staff.
        "/register",
        "/admin",
        "/admin/**"
    };

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            List<SecurityContribution> contributions,
            AccountService accounts,
            ApiTokenService tokens,
            LoginThrottle throttle,
            SecurityProblems problems,
            PasswordEncoder passwordEncoder,
            KeycloakProperties keycloak,
            Clock clock)
            throws Exception {
        // With Keycloak, people sign in on the realm's page and nobody signs in with a local password: no login form,
        // no HTTP Basic, and signing out ends the realm's session too (the contribution's logout handler).
        boolean localPasswords = keycloak.issuerUri() == null;
        LoginUrlAuthenticationEntryPoint loginPage =
                new LoginUrlAuthenticationEntryPoint(localPasswords ? "/login" : KeycloakConfiguration.SIGN_IN);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                problems.tooManyAttempts(request, response, throttled.retryAfterSeconds());
            } else if (isApi(request)) {
                problems.unauthenticated(request, response, null);
            } else {
                loginPage.commence(request, response, e);
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.forbidden(
                request,
                response,
                e instanceof CsrfException
                        ? "The request lacks the CSRF token of the session (header X-CSRF-TOKEN, or form field _csrf)."
                        : "Your roles do not allow this action.");
        for (SecurityContribution contribution : contributions) {
            contribution.contribute(http);
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/api/v1/setup",
                        "/setup.html",
                        "/setup.js",
                        // The pages' own styles and scripts, and htmx: the public pages need them too.
                        "/ui/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                .permitAll()
                .requestMatchers("/login")
                .access((authentication, context) -> new AuthorizationDecision(localPasswords))
                // Anyone holding a declaration may check it (rate-limited per address) and read its register
                // entry, the page its printed verification URL and QR code lead to.
                .requestMatchers(HttpMethod.POST, "/api/v1/verify")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/register/*")
                .permitAll()
                .requestMatchers("/api/**")
                .authenticated()
                // The public pages: a declaration's register entry, and checking a declaration one holds.
                .requestMatchers(HttpMethod.GET, "/register/*", "/verify")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/verify")
                .permitAll()
                // Every other page is for signed-in people; the pages check roles as the API does.
                .requestMatchers(PAGES)
                .authenticated()
                .anyRequest()
                .denyAll());
        if (localPasswords) {
            // Only passwords (throttled): Keycloak's sign-in and bearer JWTs bring their own providers, which an
            // explicit manager would shut out.
            http.authenticationManager(authenticationManager(accounts, throttle, passwordEncoder))
                    .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated)
                            // For this request only: a script's Basic request leaves no session behind.
                            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .formLogin(form -> form.loginPage("/login")
                            .authenticationDetailsSource(request -> new SignInDetails(request, clock.instant()))
                            .loginProcessingUrl("/login")
                            .defaultSuccessUrl("/", true)
                            .failureHandler(loginFailure())
                            .permitAll())
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()));
        } else {
            http.logout(logout -> logout.logoutUrl("/logout"));
        }
        return http.addFilterBefore(
                        new ApiTokenFilter(tokens, throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LiveAccountFilter(accounts, problems), AuthorizationFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                // Sessions only for people who signed in on the page: Basic and token requests store nothing, and an
                // unauthenticated request is not remembered for after the sign-in (which always lands on /).
                .sessionManagement(s -> s
                        // Sessions are made when needed (the default policy), and only form login starts one (it
                        // applies the session strategy itself); without this a filter would store every Basic or token
                        // caller in a new session. Naming the policy here would bring that filter back.
                        .requireExplicitAuthenticationStrategy(true))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .build();
    }

    /**
     * State-changing requests a browser could be made to send with the session cookie: the login form itself (no
     * signing a victim in to the attacker's account), the pages' forms and logout, and API calls of a session. A
     * request with an {@code Authorization} header authenticates by that header, which no other site can make a
     * browser send; one without it and without a session is anonymous, and authorization refuses it.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        return !isApi(request) || request.getSession(false) != null;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private static AuthenticationManager authenticationManager(
            AccountService accounts, LoginThrottle throttle, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, accounts));
    }

    /** The form shows why: a wrong password, or the wait (429 with Retry-After, as for the API). */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                page(
                        response,
                        Pages.login(
                                request,
                                "Too many failed sign-ins. Try again in " + throttled.retryAfterSeconds() + " seconds.",
                                true));
            } else {
                response.sendRedirect("/login?error");
            }
        };
    }

    /** Always back to the login page, whatever the request accepts (Spring answers 204 to some clients). */
    private static LogoutSuccessHandler signedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?signedOut");
        handler.setAlwaysUseDefaultTargetUrl(true);
        return handler;
    }

    private static void page(HttpServletResponse response, String html) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
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
}
