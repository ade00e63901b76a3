package io.conformity.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.validation.ConstraintViolationException;

/**
 * The one place that turns exceptions into RFC 9457 problems. Validation problems list each failing field as a
 * JSON Pointer with its message; a 5xx body never carries internal detail. Commands are validated by the module
 * facades (method validation), after the controller's role check, so a caller without the role learns nothing
 * from validation messages.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("pointer", pointer(error.getField()), "detail", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("pointer", "", "detail", String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getAllErrors().forEach(e -> errors.add(Map.of("pointer", "", "detail", String.valueOf(e.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String pointer = "";
        String detail = "The request body is not valid JSON for this resource.";
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            StringBuilder path = new StringBuilder();
            mismatch.getPath().forEach(ref -> path.append('/')
                    .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex())));
            pointer = path.toString();
            detail = mismatch instanceof InvalidFormatException invalid
                    ? "Value '" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName()
                    : "Value has the wrong type or shape";
        }
        return ResponseEntity.badRequest().body(invalid(List.of(Map.of("pointer", pointer, "detail", detail))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemException.problem(ProblemType.PAYLOAD_TOO_LARGE,
                "The upload exceeds the configured limit; nothing was stored."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            // Method validation paths start with "method.argN."; the client only knows the body's fields.
            String[] parts = path.split("\\.", 3);
            errors.add(Map.of("pointer", parts.length == 3 ? pointer(parts[2]) : "", "detail", v.getMessage()));
        });
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemException.problem(ProblemType.FORBIDDEN,
                "Your roles do not allow this action."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemException.problem(ProblemType.UNAUTHENTICATED,
                "Authenticate to use this resource."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemException.problem(ProblemType.INTERNAL,
                "The request failed on our side; nothing was changed. The error is logged."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create(ProblemType.TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemException.problem(ProblemType.VALIDATION,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** {@code verdicts[0].verdict} becomes {@code /verdicts/0/verdict}. */
    static String pointer(String field) {
        return "/" + field.replace("[", ".").replace("]", "").replace('.', '/').replace("//", "/");
    }
}
