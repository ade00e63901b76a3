package io.conformity.problem;

import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every module exception that reaches a client: an RFC 9457 problem of one {@link ProblemType}, so that clients
 * branch on the type rather than on the wording.
 */
public class ProblemException extends ErrorResponseException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(type.status(), problem(type, detail, properties), null);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemDetail problem(ProblemType type, String detail) {
        return problem(type, detail, Map.of());
    }

    public static ProblemDetail problem(ProblemType type, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        properties.forEach(problem::setProperty);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
