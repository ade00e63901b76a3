package io.conformity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most a handler reads of a request body, when it needs more than {@code conformity.web.max-body-size}
 * (a data size such as {@code 2MB}, or a property placeholder such as
 * {@code ${conformity.evidence.max-upload-size}}). A larger body is refused with 413 before more than the limit is read.
 * Multipart uploads are bounded by the multipart settings instead.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

    String value();
}
