package io.conformity.identity.internal;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.security.web.csrf.CsrfToken;

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
                  <link rel="icon" type="image/svg+xml" href="/ui/favicon.svg">
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
