package io.conformity.identity.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;
import io.conformity.identity.TokenScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Makes the request's caller from the account as it is now, whatever authenticated the request (a session, a
 * password, a token): a removed role or a disabled account counts at the next request, not when the session
 * or token ends. A token's roles are narrowed to its scope, and its scope is checked against the request. An
 * account with a temporary password may only change it, read {@code /users/me}, see the landing page and sign
 * out. Authentications of other mechanisms (Keycloak) are left as they are.
 */
class LiveAccountFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final SecurityProblems problems;

    LiveAccountFilter(AccountService accounts, SecurityProblems problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        LiveAccount account;
        TokenScope scope = null;
        String productId = null;
        if (authentication instanceof ApiTokenFilter.TokenAuthentication token) {
            // Read in the same request by the token lookup.
            account = token.caller().account();
            scope = token.caller().scope();
            productId = token.caller().productId() == null
                    ? null
                    : token.caller().productId().toString();
        } else if (authentication instanceof UsernamePasswordAuthenticationToken password
                && password.isAuthenticated()
                && password.getPrincipal() instanceof UserDetails) {
            Optional<LiveAccount> now = accounts.live(password.getName())
                    .filter(LiveAccount::enabled)
                    .filter(a -> !signedInBeforePasswordChange(password, a));
            if (now.isEmpty()) {
                // Disabled, removed, or a session from before the password changed: signed out.
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (request.getRequestURI().startsWith("/api/")) {
                    problems.unauthenticated(request, response, null);
                } else {
                    response.sendRedirect("/login");
                }
                return;
            }
            account = now.get();
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (scope != null) {
            String refusal = TokenRules.refusal(scope, request);
            if (refusal != null) {
                problems.forbidden(request, response, refusal);
                return;
            }
        }
        if (account.passwordChangeRequired() && !mayWithTemporaryPassword(request)) {
            if (request.getRequestURI().startsWith("/api/")) {
                problems.passwordChangeRequired(request, response);
            } else {
                // A person on the pages is taken to the form that lifts the restriction.
                response.sendRedirect("/account");
            }
            return;
        }
        Set<Role> roles = scope == null ? account.roles() : scope.narrow(account.roles());
        CurrentUser caller =
                new CurrentUser(account.username(), account.displayName(), account.function(), roles, productId);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // For this request only: a session keeps what form login stored, and is re-read at its next request.
        context.setAuthentication(new LiveAuthentication(caller, authentication));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static boolean signedInBeforePasswordChange(Authentication authentication, LiveAccount account) {
        return authentication.getDetails() instanceof SignInDetails signIn
                && account.credentialsChangedAt() != null
                && signIn.signedInAt().isBefore(account.credentialsChangedAt());
    }

    private static boolean mayWithTemporaryPassword(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        return ("PUT".equals(method) && "/api/v1/users/me/password".equals(path))
                || ("GET".equals(method)
                        && (Set.of("/api/v1/users/me", "/", "/account").contains(path)
                                || path.startsWith("/ui/")
                                || path.startsWith("/webjars/")))
                || ("POST".equals(method) && ("/account/password".equals(path) || "/logout".equals(path)));
    }

    /** The caller of this request, with the roles in force now. */
    static final class LiveAuthentication extends AbstractAuthenticationToken {

        private final CurrentUser caller;
        private final transient Authentication source;

        LiveAuthentication(CurrentUser caller, Authentication source) {
            super(caller.roles().stream()
                    .map(r -> new SimpleGrantedAuthority(r.authority()))
                    .toList());
            this.caller = caller;
            this.source = source;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.username();
        }

        Authentication source() {
            return source;
        }
    }
}
