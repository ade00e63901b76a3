package io.conformity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.conformity.problem.ProblemType;

/**
 * The problems an operation can answer with beyond those every operation of its shape gives (validation,
 * authentication, role, unknown id, body limits, internal error), as published in the OpenAPI description.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    ProblemType[] value();
}
