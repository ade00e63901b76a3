package io.conformity.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;

/**
 * Describes a {@link ListQuery} in the OpenAPI description as the query parameters it reads ({@code page},
 * {@code size}, {@code sort} with its allowed values, and each filter), instead of the one object parameter
 * springdoc would infer from the Java type.
 */
@Component
class ListQueryDocumentation implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(ListQuery.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            ListQuery spec = parameter.getParameterAnnotation(ListQuery.class);
            if (spec != null) {
                parameters(parameter.getParameterType(), spec).forEach(operation::addParametersItem);
            }
        }
        return operation;
    }

    private static List<Parameter> parameters(Class<?> type, ListQuery spec) {
        List<Parameter> parameters = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() != Pageable.class) {
                    parameters.add(filter(component));
                }
            }
        }
        parameters.add(new QueryParameter()
                .name(ListQueryArgumentResolver.PAGE)
                .description("0-based page number")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
        parameters.add(new QueryParameter()
                .name(ListQueryArgumentResolver.SIZE)
                .description("Items per page")
                .schema(new IntegerSchema()
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(ListQueryArgumentResolver.MAX_SIZE))
                        ._default(ListQueryArgumentResolver.DEFAULT_SIZE)));
        List<String> orders = new ArrayList<>();
        for (String property : spec.sortable()) {
            orders.addAll(List.of(property, property + ",asc", property + ",desc"));
        }
        parameters.add(new QueryParameter()
                .name(ListQueryArgumentResolver.SORT)
                .description("Sort keys in order, each 'property' or 'property,asc|desc'; without it: "
                        + String.join("; ", spec.defaultSort()) + ". The id is always the last key.")
                .schema(new ArraySchema().items(new StringSchema()._enum(orders))));
        return parameters;
    }

    private static Parameter filter(RecordComponent component) {
        Class<?> type = component.getType();
        Schema<?> schema;
        if (type == UUID.class) {
            schema = new UUIDSchema();
        } else if (type == Boolean.class) {
            schema = new BooleanSchema();
        } else if (type.isEnum()) {
            schema = new StringSchema()
                    ._enum(Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .toList());
        } else {
            schema = new StringSchema().maxLength(ListQueryArgumentResolver.MAX_TEXT);
        }
        return new QueryParameter()
                .name(component.getName())
                .schema(schema)
                .description(FilterDescription.of(component));
    }
}
