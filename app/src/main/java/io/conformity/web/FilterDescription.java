package io.conformity.web;

import java.lang.reflect.RecordComponent;

import io.swagger.v3.oas.annotations.Parameter;

/** The description a list filter's record component gives itself with {@code @Parameter}, if any. */
final class FilterDescription {

    private FilterDescription() {}

    static String of(RecordComponent component) {
        Parameter described = component.getAccessor().getAnnotation(Parameter.class);
        return described == null ? null : described.description();
    }
}
