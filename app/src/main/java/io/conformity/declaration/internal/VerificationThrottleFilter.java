package io.conformity.declaration.internal;

import java.io.IOException;
import java.net.URI;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the per-address limit of {@code POST /api/v1/verify} and of the verification page's form
 * ({@code POST /verify}) before anything of the request body is read, so a client over its allowance costs a header
 * parse, not a 10 MB buffer. It runs before the security filters: their CSRF check reads the page form's fields,
 * which for a multipart upload means reading the whole body.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class VerificationThrottleFilter extends OncePerRequestFilter {

    /** The verification page, which shows the wait at its file field. */
    static final String PAGE = "/verify";

    private final VerificationThrottle throttle;
    private final ObjectMapper json;

    VerificationThrottleFilter(VerificationThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && ("/api/v1/verify".equals(request.getRequestURI()) || PAGE.equals(request.getRequestURI())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // The connection closes on a refusal: the body the client may still be sending is not read.
            throttle.acquire(request.getRemoteAddr());
        } catch (ProblemException tooMany) {
            String retryAfter = tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            if (PAGE.equals(request.getRequestURI())) {
                // A person reads the wait on the page (answered 429 there), not in a problem document.
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader(HttpHeaders.LOCATION, PAGE + "?retryAfter=" + retryAfter);
                return;
            }
            response.setStatus(tooMany.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            tooMany.getBody().setInstance(URI.create(request.getRequestURI()));
            json.writeValue(response.getOutputStream(), tooMany.getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
