package io.conformity.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A thin HTTP client for system tests: real requests over the loopback, never throwing on an error status. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final RestClient rest;

    public ApiClient(int port) {
        this.rest = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    public Response get(Credentials user, String path) {
        return exchange(user, HttpMethod.GET, path, null, null);
    }

    public Response post(Credentials user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
    }

    public Response put(Credentials user, String path, Object body) {
        return exchange(user, HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
    }

    public Response delete(Credentials user, String path) {
        return exchange(user, HttpMethod.DELETE, path, null, null);
    }

    /** A raw body of the given type, as a pipeline's {@code curl -T} or {@code --data-binary} sends it. */
    public Response send(Credentials user, HttpMethod method, String path, byte[] body, MediaType type) {
        return exchange(user, method, path, body, type);
    }

    public Response upload(Credentials user, String path, String fileName, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(
                "file",
                new HttpEntity<>(
                        new ByteArrayResource(content) {
                            @Override
                            public String getFilename() {
                                return fileName;
                            }
                        },
                        partHeaders));
        return exchange(user, HttpMethod.POST, path, parts, MediaType.MULTIPART_FORM_DATA);
    }

    private Response exchange(Credentials user, HttpMethod method, String path, Object body, MediaType type) {
        RestClient.RequestBodySpec request = rest.method(method).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, user.authorization());
        }
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.exchange((req, res) -> new Response(
                res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    /**
     * HTTP Basic with a user name and password, or a personal API token ({@link #bearer}); {@code username} is the
     * token owner's when known.
     */
    public record Credentials(String username, String password, String token) {

        public Credentials(String username, String password) {
            this(username, password, null);
        }

        /** {@code Authorization: Bearer <token>}, as a pipeline sends it. */
        public static Credentials bearer(String token) {
            return new Credentials(null, null, token);
        }

        /** The {@code Authorization} header value. */
        public String authorization() {
            if (token != null) {
                return "Bearer " + token;
            }
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + text());
            }
            return this;
        }

        public String contentType() {
            return headers.getContentType() == null
                    ? null
                    : headers.getContentType().toString();
        }
    }
}
