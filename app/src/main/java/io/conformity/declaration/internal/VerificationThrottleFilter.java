package io.conformity.declaration.internal;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
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
 * Applies the per-address limit of {@code POST /api/v1/verify} before anything of the request body is read, so a
 * client over its allowance costs a header parse, not a 10 MB buffer.
 */
@Component
class VerificationThrottleFilter extends OncePerRequestFilter {

    private final VerificationThrottle throttle;
    private final ObjectMapper json;

    VerificationThrottleFilter(VerificationThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/api/v1/verify".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            throttle.acquire(request.getRemoteAddr());
        } catch (ProblemException tooMany) {
            response.setStatus(tooMany.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The connection closes: the body the client may still be sending is not read.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            tooMany.getBody().setInstance(URI.create(request.getRequestURI()));
            json.writeValue(response.getOutputStream(), tooMany.getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
