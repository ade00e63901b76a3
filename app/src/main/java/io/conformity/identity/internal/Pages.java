package io.conformity.identity.internal;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.stream.Collectors;

import org.springframework.security.web.csrf.CsrfToken;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The sign-in and landing pages, written out here rather than through a template engine: two small pages with
 * every value escaped. No inline script or style, as the content security policy requires.
 */
final class Pages {

    private Pages() {}

    static String login(HttpServletRequest request, String message) {
        return page(
                "Sign in",
                request,
                (message == null ? "" : "<p class=\"message\" role=\"alert\">" + htmlEscape(message) + "</p>\n")
                        + """
                <form method="post" action="/login">
                  <label for="username">User name</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  %s
                  <button type="submit">Sign in</button>
                </form>
                """.formatted(csrfField(request)));
    }

    static String landing(HttpServletRequest request, CurrentUser user, boolean changeRequired, String message) {
        String roles = user.roles().stream()
                .sorted()
                .map(Role::name)
                .map(r -> htmlEscape(r))
                .collect(Collectors.joining(", "));
        StringBuilder body = new StringBuilder();
        if (message != null) {
            body.append("<p class=\"message\" role=\"alert\">")
                    .append(htmlEscape(message))
                    .append("</p>\n");
        }
        body.append("<p>Signed in as <strong>")
                .append(htmlEscape(user.displayName()))
                .append("</strong> (")
                .append(htmlEscape(user.username()))
                .append(").</p>\n<p>Roles: ")
                .append(roles.isEmpty() ? "none" : roles)
                .append("</p>\n");
        if (changeRequired) {
            body.append("<p>An administrator set a temporary password for you: choose your own to continue.</p>\n");
        }
        body.append("""
                <form method="post" action="/account/password">
                  <h2>Change password</h2>
                  <label for="currentPassword">Current password</label>
                  <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password"
                         required>
                  <label for="newPassword">New password (12 to 128 characters, not a common one)</label>
                  <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required
                         minlength="12" maxlength="128">
                  %s
                  <button type="submit">Change password</button>
                </form>
                <p><a href="/swagger-ui.html">API documentation</a> (personal API tokens:
                  <code>POST /api/v1/users/me/tokens</code>)</p>
                <form method="post" action="/logout">
                  %s
                  <button type="submit">Sign out</button>
                </form>
                """.formatted(csrfField(request), csrfField(request)));
        return page("Conformity", request, body.toString());
    }

    private static String page(String title, HttpServletRequest request, String body) {
        CsrfToken csrf = csrf(request);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="csrf-header" content="%s">
                  <meta name="csrf-token" content="%s">
                  <title>%s</title>
                  <link rel="stylesheet" href="/account.css">
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(
                        csrf == null ? "" : htmlEscape(csrf.getHeaderName()),
                        csrf == null ? "" : htmlEscape(csrf.getToken()),
                        htmlEscape(title),
                        htmlEscape(title),
                        body);
    }

    private static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = csrf(request);
        return csrf == null
                ? ""
                : "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName()) + "\" value=\""
                        + htmlEscape(csrf.getToken()) + "\">";
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }
}
