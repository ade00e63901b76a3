package io.conformity.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Authorization: Bearer cfy_…}: one digest and one indexed lookup, no password hash, and no session. A bearer
 * value without the prefix is left to another mechanism (Keycloak's JWTs). Unknown, expired and revoked tokens get
 * the same 401, and count against the client address in {@link LoginThrottle}.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final LoginThrottle throttle;
    private final SecurityProblems problems;

    ApiTokenFilter(ApiTokenService tokens, LoginThrottle throttle, SecurityProblems problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !header.substring(7).strip().startsWith(ApiTokenService.PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.tokenDelay(address);
        if (wait.isPresent()) {
            problems.tooManyAttempts(request, response, new SignInThrottledException(wait.get()).retryAfterSeconds());
            return;
        }
        Optional<ApiTokenService.TokenCaller> caller =
                tokens.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            throttle.tokenFailed(address);
            problems.unauthenticated(request, response, "invalid_token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** A valid token; {@link LiveAccountFilter} turns it into the request's caller. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final ApiTokenService.TokenCaller caller;

        TokenAuthentication(ApiTokenService.TokenCaller caller) {
            super(List.of());
            this.caller = caller;
            setAuthenticated(true);
        }

        ApiTokenService.TokenCaller caller() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller.account().username();
        }
    }
}
