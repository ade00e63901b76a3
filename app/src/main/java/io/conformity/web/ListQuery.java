package io.conformity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query string of a list endpoint, read strictly: on a {@link org.springframework.data.domain.Pageable}
 * parameter, or on a record whose components are the endpoint's filters (each an optional query parameter of the
 * same name: {@code String}, {@code UUID}, {@code Boolean} or an enum) plus one {@code Pageable} component.
 * <ul>
 * <li>{@code page}: 0-based, default 0; {@code size}: 1 to 100, default 20;</li>
 * <li>{@code sort}: {@code property} or {@code property,asc|desc}, repeatable, each property one of
 * {@link #sortable()}; without it, {@link #defaultSort()}. The id is always the last key, so the order is
 * stable;</li>
 * <li>a text filter is stripped (blank means no filter) and at most 200 characters.</li>
 * </ul>
 * A value that is not allowed, a parameter given twice or an unknown parameter is never replaced by a default:
 * every such problem is answered at once as one 400 {@code validation} problem whose {@code errors} name the
 * {@code parameter}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ListQuery {

    /** The properties a client may sort by: property names of the listed entity. */
    String[] sortable();

    /** The order when the client gives none, in the {@code sort} syntax, e.g. {@code "createdAt,desc"}. */
    String[] defaultSort();
}
