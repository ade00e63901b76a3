package io.conformity.identity.internal;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The sign-in page, written out here rather than through the ui module's templates: the security filters render it
 * too (a throttled sign-in), and it must not depend on the pages' module. It wears the pages' frame and style sheet,
 * with every value escaped and no script at all.
 */
final class Pages {

    private Pages() {}

    /** @param problem whether the message is about a refusal (shown as an alert) rather than news */
    static String login(HttpServletRequest request, String message, boolean problem) {
        return page(
                "Sign in",
                request,
                (message == null
                                ? ""
                                : "<p class=\"" + (problem ? "alert" : "notice")
                                        + "\" role=\"alert\" id=\"login-message\">" + htmlEscape(message) + "</p>\n")
                        + """
                <form method="post" action="/login" class="form">
                  <div class="field">
                    <label for="username">User name</label>
                    <input id="username" name="username" type="text" autocomplete="username" required autofocus>
                  </div>
                  <div class="field">
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                  </div>
                  %s
                  <button type="submit">Sign in</button>
                </form>
                <p class="muted">Forgotten your password? Ask an administrator to set a temporary one.</p>
                """.formatted(csrfField(request)));
    }

    /** The frame of the ui module's layout, without its scripts: this page needs none. */
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
                  <title>%s · Conformity</title>
                  <link rel="icon" type="image/svg+xml" href="/ui/favicon.svg">
                  <link rel="stylesheet" href="/ui/app.css">
                  <link rel="stylesheet" href="/ui/login.css">
                </head>
                <body class="sign-in-page">
                <a class="skip-link" href="#main">Skip to the content</a>
                <header class="site-header">
                  <a class="brand" href="/login">Conformity</a>
                  <nav aria-label="Public">
                    <ul>
                      <li><a href="/verify">Verify a declaration</a></li>
                    </ul>
                  </nav>
                </header>
                <main id="main" tabindex="-1" class="sign-in">
                <h1>%s</h1>
                %s
                </main>
                <footer class="site-footer">
                  <span class="muted">Conformity · ETSI EN 303 645 · UK PSTI · EU CRA</span>
                </footer>
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
