package io.conformity.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.conformity.problem.InvalidInputException;

/** Reads a {@link ListQuery} parameter; every bad value is reported, none is replaced by a default. */
final class ListQueryArgumentResolver implements HandlerMethodArgumentResolver {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 200;
    static final String PAGE = "page";
    static final String SIZE = "size";
    static final String SORT = "sort";
    /** The last sort key of every list, so that equal values still come in one order. */
    private static final String TIE_BREAKER = "id";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
    private static final Pattern UUID_FORM =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ListQuery.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        ListQuery spec = parameter.getParameterAnnotation(ListQuery.class);
        Class<?> type = parameter.getParameterType();
        RecordComponent[] components = components(type);
        Map<String, String[]> query = request.getParameterMap();
        List<Map<String, Object>> errors = new ArrayList<>();

        Pageable pageable = pageable(spec, query, errors);
        Object[] values = new Object[components.length];
        Set<String> known = new LinkedHashSet<>(List.of(PAGE, SIZE, SORT));
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getType() == Pageable.class) {
                values[i] = pageable;
            } else {
                known.add(component.getName());
                values[i] = filter(component.getName(), component.getType(), query.get(component.getName()), errors);
            }
        }
        query.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> errors.add(InvalidInputException.parameter(
                        name, "unknown parameter; this list takes " + String.join(", ", known))));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has " + errors.size() + " invalid parameter(s).", errors);
        }
        if (type == Pageable.class) {
            return pageable;
        }
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return BeanUtils.instantiateClass(type.getDeclaredConstructor(types), values);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No canonical constructor on " + type, e);
        }
    }

    private static RecordComponent[] components(Class<?> type) {
        if (type == Pageable.class) {
            return new RecordComponent[0];
        }
        if (!type.isRecord()
                || Arrays.stream(type.getRecordComponents())
                                .filter(c -> c.getType() == Pageable.class)
                                .count()
                        != 1) {
            throw new IllegalStateException(
                    "@ListQuery needs a Pageable or a record with one Pageable component: " + type);
        }
        return type.getRecordComponents();
    }

    private static Pageable pageable(ListQuery spec, Map<String, String[]> query, List<Map<String, Object>> errors) {
        Integer size = wholeNumber(SIZE, query.get(SIZE), DEFAULT_SIZE, 1, MAX_SIZE, errors);
        // The offset (page × size) must fit the int a database query takes.
        int maxPage = Integer.MAX_VALUE / (size == null ? DEFAULT_SIZE : size);
        Integer page = wholeNumber(PAGE, query.get(PAGE), 0, 0, maxPage, errors);
        String[] sort = query.get(SORT);
        Sort order = sort(spec, sort == null ? spec.defaultSort() : sort, errors);
        return page == null || size == null || order == null ? null : PageRequest.of(page, size, order);
    }

    private static Integer wholeNumber(
            String name, String[] values, int defaultValue, int min, int max, List<Map<String, Object>> errors) {
        if (values == null) {
            return defaultValue;
        }
        String range = "must be between " + min + " and " + max;
        if (values.length > 1) {
            errors.add(InvalidInputException.parameter(name, "must be given once"));
            return null;
        }
        if (!WHOLE_NUMBER.matcher(values[0]).matches()) {
            errors.add(InvalidInputException.parameter(name, quote(values[0]) + " is not a whole number; " + range));
            return null;
        }
        String digits = values[0].replaceFirst("^0+(?=.)", "");
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value < min || value > max) {
            errors.add(InvalidInputException.parameter(name, range));
            return null;
        }
        return (int) value;
    }

    /** {@code property} or {@code property,asc|desc}, each property once, then the id. */
    private static Sort sort(ListQuery spec, String[] values, List<Map<String, Object>> errors) {
        Set<String> sortable = new LinkedHashSet<>(List.of(spec.sortable()));
        List<Sort.Order> orders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (String value : values) {
            String[] parts = value.split(",", -1);
            String property = parts[0].strip();
            if (parts.length > 2 || property.isEmpty()) {
                errors.add(InvalidInputException.parameter(
                        SORT, quote(value) + " must be 'property' or 'property,asc' or 'property,desc'"));
                valid = false;
            } else if (!sortable.contains(property)) {
                errors.add(InvalidInputException.parameter(
                        SORT, quote(property) + " is not sortable; sort by " + String.join(", ", sortable)));
                valid = false;
            } else if (!seen.add(property)) {
                errors.add(InvalidInputException.parameter(SORT, quote(property) + " is given twice"));
                valid = false;
            } else if (parts.length == 2
                    && Sort.Direction.fromOptionalString(parts[1].strip()).isEmpty()) {
                errors.add(InvalidInputException.parameter(SORT, quote(value) + ": the direction must be asc or desc"));
                valid = false;
            } else {
                Sort.Direction direction =
                        parts.length == 2 ? Sort.Direction.fromString(parts[1].strip()) : Sort.Direction.ASC;
                orders.add(new Sort.Order(direction, property));
            }
        }
        if (!valid) {
            return null;
        }
        if (!seen.contains(TIE_BREAKER)) {
            orders.add(Sort.Order.asc(TIE_BREAKER));
        }
        return Sort.by(orders);
    }

    private static Object filter(String name, Class<?> type, String[] values, List<Map<String, Object>> errors) {
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            errors.add(InvalidInputException.parameter(name, "must be given once"));
            return null;
        }
        String value = values[0];
        if (type == String.class) {
            String text = value.strip();
            if (text.length() > MAX_TEXT) {
                errors.add(InvalidInputException.parameter(name, "must be at most " + MAX_TEXT + " characters"));
                return null;
            }
            return text.isEmpty() ? null : text;
        }
        if (type == UUID.class) {
            if (UUID_FORM.matcher(value).matches()) {
                return UUID.fromString(value);
            }
            errors.add(InvalidInputException.parameter(
                    name, quote(value) + " is not a UUID (such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)"));
            return null;
        }
        if (type == Boolean.class) {
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.valueOf(value);
            }
            errors.add(InvalidInputException.parameter(name, quote(value) + " must be true or false"));
            return null;
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return constant;
                }
            }
            errors.add(InvalidInputException.parameter(
                    name,
                    quote(value) + " is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> ((Enum<?>) c).name())
                                    .collect(Collectors.joining(", "))));
            return null;
        }
        throw new IllegalStateException(
                "A list filter is a String, a UUID, a Boolean or an enum, not " + type + ": " + name);
    }

    /** The client's value in a message, cut short so that a huge value does not come back whole. */
    private static String quote(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}
