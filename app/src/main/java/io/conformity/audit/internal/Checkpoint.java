package io.conformity.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed statement of the chain's head at a moment: one line of {@code checkpoints.jsonl}, e.g.
 * {@code {"at":"2026-12-02T10:00:00Z","hash":"9f…","sequence":412,"signature":"base64…","v":1}}. The signature
 * (Ed25519) covers the canonical JSON of every other field.
 */
public record Checkpoint(long sequence, String hash, Instant at, String signature) {

    static Checkpoint signed(long sequence, String hash, Instant at, CheckpointKey key) {
        Checkpoint unsigned = new Checkpoint(sequence, hash, at, null);
        return new Checkpoint(sequence, hash, at, Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes())));
    }

    static Checkpoint parse(String line) {
        JsonNode node = CanonicalJson.parse(line);
        return new Checkpoint(
                node.path("sequence").asLong(-1),
                node.path("hash").asText(""),
                Instant.parse(node.path("at").asText()),
                node.path("signature").asText(""));
    }

    boolean verifiedBy(CheckpointKey key) {
        try {
            return key.verify(signedBytes(), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    String line() {
        Map<String, Object> fields = fields();
        fields.put("signature", signature);
        return CanonicalJson.of(fields);
    }

    private byte[] signedBytes() {
        return CanonicalJson.of(fields()).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", 1);
        fields.put("sequence", sequence);
        fields.put("hash", hash);
        fields.put("at", at.toString());
        return fields;
    }
}
