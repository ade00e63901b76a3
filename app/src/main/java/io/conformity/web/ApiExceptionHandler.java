package io.conformity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * The one place that turns exceptions into RFC 9457 problems of a {@link ProblemType}. Validation problems list
 * each failing place: a JSON Pointer into the body ({@code pointer}) or a query or path parameter
 * ({@code parameter}), with its message; a 5xx body never carries internal detail. Commands are validated by the
 * module facades (method validation), after the role check, so a caller without the role learns nothing from
 * validation messages.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(InvalidInputException.at(pointer(error.getField()), String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(InvalidInputException.at("", String.valueOf(error.getDefaultMessage()))));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(e -> errors.add(InvalidInputException.parameter(
                                result.getMethodParameter().getParameterName(),
                                String.valueOf(e.getDefaultMessage())))));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "value";
        return invalid(List.of(
                InvalidInputException.parameter(name, "'" + ex.getValue() + "' " + expected(ex.getRequiredType()))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(List.of(InvalidInputException.parameter(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                ProblemType.MALFORMED_MULTIPART,
                "The multipart body has no part named '" + ex.getRequestPartName() + "'.",
                Map.of("part", ex.getRequestPartName()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyLimits.BodyTooLargeException> tooLarge = cause(ex, BodyLimits.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    tooLarge.get().getMessage() + " Nothing was read or stored.",
                    Map.of("limit", tooLarge.get().limit()));
        }
        if (ex.getCause() instanceof JsonParseException parse) {
            return invalid(List.of(InvalidInputException.at(
                    "",
                    "not valid JSON at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage())));
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(InvalidInputException.at(pointer(mismatch.getPath()), mismatchDetail(mismatch))));
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            return invalid(List.of(
                    InvalidInputException.at("", "the body must be a JSON " + shape(mismatch.getTargetType()))));
        }
        return invalid(List.of(InvalidInputException.at("", "the request body is missing or cannot be read")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return multipart(ex);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException ex) {
        MultipartFault fault = MultipartFault.of(ex);
        return problem(fault.type(), fault.detail(), Map.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, Object>> errors = ex.getConstraintViolations().stream()
                .sorted((a, b) -> pointer(a.getPropertyPath()).compareTo(pointer(b.getPropertyPath())))
                .map(v -> InvalidInputException.at(pointer(v.getPropertyPath()), v.getMessage()))
                .toList();
        return invalid(errors);
    }

    /** Optimistic version clashes and lock waits that timed out: someone else's change came first. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentUpdate(ConcurrencyFailureException ex) {
        return problem(
                ProblemType.CONCURRENT_UPDATE,
                "Someone changed this at the same time; nothing of your request was kept. Reload and try again.",
                Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(ProblemType.FORBIDDEN, "Your roles do not allow this action.", Map.of());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return problem(ProblemType.UNAUTHENTICATED, "Authenticate to use this resource.", Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // Part of the body is out (a download whose stored bytes failed their check): no problem can follow.
            // Rethrown, the container aborts the connection, so the client sees a failed transfer, not a short file.
            log.error("Response aborted after it began: {}", ex.toString());
            throw ex;
        }
        Optional<BodyLimits.BodyTooLargeException> tooLarge = cause(ex, BodyLimits.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            // A handler that streams the body itself (a raw upload) meets the limit while reading.
            return problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    tooLarge.get().getMessage() + " Nothing was stored.",
                    Map.of("limit", tooLarge.get().limit()));
        }
        log.error("Unexpected error", ex);
        return problem(
                ProblemType.INTERNAL,
                "The request failed on our side; nothing was changed. The error is logged.",
                Map.of());
    }

    /** Spring's own problems (405, 406, 415, unknown paths) get the catalogue's type and title for their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && !problem.getType().toString().startsWith(ProblemType.TYPE_PREFIX)) {
            ProblemType type = Arrays.stream(ProblemType.values())
                    .filter(t -> t.status().value() == statusCode.value())
                    .findFirst()
                    .orElse(statusCode.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.VALIDATION);
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> problem(ProblemType type, String detail, Map<String, Object> properties) {
        return ResponseEntity.status(type.status()).body(ProblemException.problem(type, detail, properties));
    }

    private static ResponseEntity<Object> invalid(List<Map<String, Object>> errors) {
        return problem(
                ProblemType.VALIDATION,
                "The request has " + errors.size() + " invalid field(s).",
                Map.of("errors", errors));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String mismatchDetail(MismatchedInputException mismatch) {
        if (mismatch instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' " + expected(invalid.getTargetType());
        }
        return expected(mismatch.getTargetType());
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        return "must be " + shape(type);
    }

    private static String shape(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date written as a string YYYY-MM-DD";
            case "UUID" -> "a UUID";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
        };
    }

    /** {@code verdicts[0].verdict} becomes {@code /verdicts/0/verdict}. */
    static String pointer(String field) {
        return "/" + field.replace("[", ".").replace("]", "").replace('.', '/').replace("//", "/");
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(ref -> pointer.append('/')
                .append(ref.getFieldName() != null ? escape(ref.getFieldName()) : String.valueOf(ref.getIndex())));
        return pointer.toString();
    }

    /**
     * A method-validation path ({@code createProduct.command.authorisedRepresentatives[0].<list element>}) as a
     * JSON Pointer into the body ({@code /authorisedRepresentatives/0}): the method and parameter nodes are
     * not part of the body, container elements add their index or key but no name.
     */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    pointer.append('/').append(escape(String.valueOf(position)));
                }
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
