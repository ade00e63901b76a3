package io.conformity.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient.Response;

public final class Problems {

    private Problems() {}

    /** Asserts an RFC 9457 problem with the status and one of our stable type URIs; returns its body. */
    public static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:conformity:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        return problem;
    }
}
