package io.conformity.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every module exception that reaches a client: it carries an RFC 9457 problem with a stable type URI
 * so that clients can branch on the type rather than on the wording.
 */
public class ProblemException extends ErrorResponseException {

    /** All problem types share this prefix; the suffix is the stable slug. */
    public static final String TYPE_PREFIX = "urn:conformity:problem:";

    protected ProblemException(HttpStatus status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, Map.of());
    }

    protected ProblemException(HttpStatus status, String typeSlug, String title, String detail,
            Map<String, Object> properties) {
        super(status, problem(status, typeSlug, title, detail, properties), null);
    }

    public static ProblemDetail problem(HttpStatus status, String typeSlug, String title, String detail) {
        return problem(status, typeSlug, title, detail, Map.of());
    }

    private static ProblemDetail problem(HttpStatus status, String typeSlug, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + typeSlug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
