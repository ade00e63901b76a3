package io.conformity.identity.internal;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import io.conformity.identity.TokenScope;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What each token scope may request, decided from the method and path before any controller runs. The roles a
 * token carries are narrowed as well ({@link TokenScope#narrow}), so the module rules refuse what slips past here.
 */
final class TokenRules {

    private record Allowed(HttpMethod method, String pattern) {}

    /** A pipeline uploads files and structured declarations, and reads what it needs to find where they go. */
    private static final List<Allowed> EVIDENCE_UPLOAD = List.of(
            new Allowed(HttpMethod.GET, "/api/v1/users/me"),
            new Allowed(HttpMethod.GET, "/api/v1/declaration-kinds"),
            new Allowed(HttpMethod.GET, "/api/v1/declaration-kinds/*/schema"),
            new Allowed(HttpMethod.GET, "/api/v1/assessments/*"),
            new Allowed(HttpMethod.GET, "/api/v1/requirement-assessments/*"),
            new Allowed(HttpMethod.GET, "/api/v1/requirement-assessments/*/evidence"),
            new Allowed(HttpMethod.PUT, "/api/v1/requirement-assessments/*/evidence/*"),
            new Allowed(HttpMethod.POST, "/api/v1/requirement-assessments/*/evidence"),
            new Allowed(HttpMethod.POST, "/api/v1/requirement-assessments/*/declarations/*"));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private TokenRules() {}

    /** Why the scope does not allow the request; null when it does. */
    static String refusal(TokenScope scope, HttpServletRequest request) {
        String path = request.getRequestURI();
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (!path.startsWith("/api/")) {
            return "API tokens are for the API only; sign in to use the pages.";
        }
        if (path.startsWith("/api/v1/users/me/tokens") && !HttpMethod.GET.equals(method)
                || path.equals("/api/v1/users/me/password")) {
            return "Tokens and the password are managed after signing in with the password, not with a token.";
        }
        boolean allowed = switch (scope) {
            case FULL -> true;
            case READ -> HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
            case EVIDENCE_UPLOAD ->
                EVIDENCE_UPLOAD.stream().anyMatch(a -> a.method().equals(method) && PATHS.match(a.pattern(), path));
        };
        return allowed ? null : "The token's scope (" + scope.slug() + ") does not allow " + method + " " + path + ".";
    }
}
