package io.conformity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

import io.conformity.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI description: a real title and version, the server clients reach (configured, never the request's
 * {@code Host}), HTTP Basic as the security scheme, the catalogue of problem types, and for each operation the
 * problem responses it can give, each listing its types under {@code x-problem-types}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String TOKEN = "token";
    static final String PROBLEM_TYPES = "x-problem-types";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI conformityOpenApi(WebProperties web, ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null
                ? "development"
                : build.getIfAvailable().getVersion();
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Conformity API").version(version).description("""
                        Evidence, review and declarations for consumer IoT security (UK PSTI, ETSI EN 303 645, \
                        EU CRA). Every error is an RFC 9457 problem (`application/problem+json`) whose `type` is \
                        one of the catalogue below; validation problems list each failing place under `errors` \
                        as a JSON Pointer (`pointer`) or a parameter name (`parameter`) with a `detail`.

                        """ + catalogue()))
                .servers(List.of(new Server().url(web.publicUrl())))
                // Either one: two requirements are alternatives.
                .addSecurityItem(new SecurityRequirement().addList(TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("cfy_…")
                                        .description("A personal API token (POST /api/v1/users/me/tokens), limited to"
                                                + " its scope and to what its user may do now."))
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A local account's user name and password, for scripts;"
                                                + " failed attempts are slowed (429 with Retry-After)."))
                        .addSchemas("Problem", problemSchema()));
        api.addExtension(
                PROBLEM_TYPES,
                Arrays.stream(ProblemType.values())
                        .map(t -> Map.of(
                                "type", t.uri().toString(), "status", t.status().value(), "title", t.title()))
                        .toList());
        return api;
    }

    @Bean
    OperationCustomizer problemResponsesPerOperation() {
        return (operation, handler) -> {
            Map<Integer, List<ProblemType>> byStatus = new TreeMap<>();
            problemsOf(operation, handler)
                    .forEach(t -> byStatus.computeIfAbsent(t.status().value(), s -> new ArrayList<>())
                            .add(t));
            byStatus.forEach((status, types) -> {
                ApiResponse response = new ApiResponse()
                        .description(types.stream()
                                .map(t -> t.title() + " (`" + t.uri() + "`)")
                                .collect(Collectors.joining("; ")))
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
                response.addExtension(
                        PROBLEM_TYPES,
                        types.stream().map(t -> t.uri().toString()).toList());
                operation.getResponses().addApiResponse(String.valueOf(status), response);
            });
            return operation;
        };
    }

    /** What an operation of this shape can answer, plus what its handler declares. */
    private static Set<ProblemType> problemsOf(Operation operation, HandlerMethod handler) {
        Set<ProblemType> types = new LinkedHashSet<>();
        boolean isPublic =
                operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean body = false;
        boolean multipart = false;
        boolean pathVariable = false;
        boolean parameters = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            body |= parameter.hasParameterAnnotation(RequestBody.class);
            multipart |= parameter.getParameterType() == MultipartFile.class;
            pathVariable |= parameter.hasParameterAnnotation(PathVariable.class);
            parameters |= parameter.hasParameterAnnotation(RequestParam.class);
        }
        if (body || multipart || pathVariable || parameters) {
            types.add(ProblemType.VALIDATION);
        }
        if (multipart) {
            types.add(ProblemType.MALFORMED_MULTIPART);
        }
        if (!isPublic) {
            // Any authenticated call: a token's scope may not allow it, an account with a temporary password may only
            // change it, and a caller with too many failed sign-ins waits.
            types.add(ProblemType.UNAUTHENTICATED);
            types.add(ProblemType.FORBIDDEN);
            types.add(ProblemType.PASSWORD_CHANGE_REQUIRED);
            types.add(ProblemType.TOO_MANY_REQUESTS);
        }
        if (handler.hasMethodAnnotation(PreAuthorize.class)) {
            types.add(ProblemType.FORBIDDEN);
        }
        if (pathVariable) {
            types.add(ProblemType.NOT_FOUND);
        }
        if (body || multipart) {
            types.add(ProblemType.PAYLOAD_TOO_LARGE);
            types.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            types.addAll(List.of(declared.value()));
        }
        types.add(ProblemType.INTERNAL);
        return types;
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("pointer", new StringSchema().description("JSON Pointer into the request body"))
                .addProperty("parameter", new StringSchema().description("query or path parameter, or multipart part"))
                .addProperty("detail", new StringSchema());
        StringSchema type = new StringSchema();
        Arrays.stream(ProblemType.values())
                .forEach(t -> type.addEnumItem(t.uri().toString()));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", type)
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error));
    }

    private static String catalogue() {
        StringBuilder table = new StringBuilder("| type | status | title |\n|---|---|---|\n");
        for (ProblemType t : ProblemType.values()) {
            table.append("| `")
                    .append(t.uri())
                    .append("` | ")
                    .append(t.status().value())
                    .append(" | ")
                    .append(t.title())
                    .append(" |\n");
        }
        return table.toString();
    }
}
