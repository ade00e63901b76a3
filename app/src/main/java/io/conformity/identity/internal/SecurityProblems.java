package io.conformity.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The problems the security filters answer with themselves, before any controller (or its advice) is reached. */
@Component
class SecurityProblems {

    /**
     * Not {@code Basic}: a browser answers a Basic challenge with its own password prompt, and then sends the
     * password with every request to the origin, a cross-site request included.
     */
    static final String CHALLENGE = "Bearer realm=\"conformity\"";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE, error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\"");
        write(
                request,
                response,
                ProblemException.problem(
                        ProblemType.UNAUTHENTICATED,
                        error == null
                                ? "Authenticate to use this resource."
                                : "The token is unknown, expired or revoked."));
    }

    /** An unauthenticated answer with its own detail, for a mechanism that has set its own challenge. */
    void unauthenticatedBecause(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, ProblemException.problem(ProblemType.UNAUTHENTICATED, detail));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, ProblemException.problem(ProblemType.FORBIDDEN, detail));
    }

    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(
                request,
                response,
                ProblemException.problem(
                        ProblemType.PASSWORD_CHANGE_REQUIRED,
                        "An administrator set a temporary password: change it first with PUT"
                                + " /api/v1/users/me/password {currentPassword, newPassword}."));
    }

    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(
                request,
                response,
                ProblemException.problem(
                        ProblemType.TOO_MANY_REQUESTS,
                        "Too many failed attempts; try again in " + retryAfterSeconds + " s.",
                        Map.of("retryAfterSeconds", retryAfterSeconds)));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
