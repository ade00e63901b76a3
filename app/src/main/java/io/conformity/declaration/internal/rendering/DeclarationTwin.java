package io.conformity.declaration.internal.rendering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.conformity.declaration.DeclarationContent;

/**
 * The machine-readable twin of a declaration ({@code declaration.json}, schema
 * {@code evidence-schema/declaration/declaration.schema.json}): everything the PDF states, from the same
 * {@link DeclarationContent}, so the two cannot disagree.
 */
public final class DeclarationTwin {

    /** The {@code $schema} value of every twin; a new major version gets a new URN. */
    public static final String SCHEMA = "urn:conformity:declaration:1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DeclarationTwin() {}

    /** The twin embedded in a declaration file as issued, if it carries one. */
    public static Optional<JsonNode> embeddedIn(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return Optional.empty();
            }
            Map<String, PDComplexFileSpecification> files =
                    names.getEmbeddedFiles().getNames();
            PDComplexFileSpecification twin = files == null ? null : files.get(DeclarationRenderer.TWIN_NAME);
            if (twin == null || twin.getEmbeddedFile() == null) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(twin.getEmbeddedFile().toByteArray()));
        }
    }

    public static byte[] json(DeclarationContent content, String verificationUrl) {
        ObjectNode twin = JSON.createObjectNode();
        twin.put("$schema", SCHEMA);
        twin.setAll((ObjectNode) JSON.valueToTree(content));
        twin.put("verificationUrl", verificationUrl);
        try {
            return JSON.writeValueAsString(twin).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Declaration " + content.declarationId() + " cannot be written as JSON", e);
        }
    }
}
