package io.conformity.ui.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.problem.ProblemException;
import jakarta.validation.ConstraintViolationException;

/**
 * A refusal on a page is a page: the problem's title and detail in words, with the API's status, never a stack
 * trace. Forms catch the refusals they can show at a field; what reaches here is about the whole page (an unknown
 * id, a role that may not act, a step the assessment is not at).
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final PageModel model;

    PageErrors(PageModel model) {
        this.model = model;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.getStatusCode(), e.getBody().getTitle(), e.getBody().getDetail());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied() {
        return page(HttpStatus.FORBIDDEN, "Not allowed", "Your roles do not allow this page or action.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ModelAndView invalid(ConstraintViolationException e) {
        FormErrors errors = FormErrors.of(e);
        return page(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                String.join(
                        "; ",
                        errors.fields().entrySet().stream()
                                .map(f -> f.getKey() + " " + f.getValue())
                                .toList()));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badAddress(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "Invalid address", "This address names something that cannot exist.");
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView multipart(MultipartException e) {
        return page(HttpStatus.BAD_REQUEST, "Upload refused", "The upload could not be read: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Page failed", e);
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "The page could not be shown; the error is in the server's log.");
    }

    ModelAndView page(HttpStatusCode status, String title, String detail) {
        ModelAndView page = new ModelAndView("ui/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        // Not "title": the layout's fragment parameter of that name would hide it.
        page.addObject("errorTitle", title);
        page.addObject("errorDetail", detail);
        try {
            page.addObject("viewer", model.viewer());
        } catch (RuntimeException e) {
            // The header without the caller's name is better than no error page at all.
            log.debug("No viewer for the error page", e);
        }
        return page;
    }
}
