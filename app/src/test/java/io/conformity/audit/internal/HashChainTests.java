package io.conformity.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.conformity.audit.ChainHead;

/** The canonical encoding and the hash that links every entry to the one before. */
class HashChainTests {

    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456Z");

    @Test
    void canonicalJsonSortsKeysAtEveryLevelAndHasNoWhiteSpace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(Map.of("y", "x", "b", true)));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("when", LocalDate.of(2031, 12, 31));
        outer.put("nested", inner);
        outer.put("none", null);

        assertThat(CanonicalJson.of(outer))
                .isEqualTo(
                        "{\"nested\":{\"a\":[{\"b\":true,\"y\":\"x\"}],\"z\":1},\"none\":null,\"when\":\"2031-12-31\"}");
    }

    @Test
    void theSameFactsInAnyOrderGiveTheSameDigest() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("evidenceId", UUID.fromString("7b0e3c55-4f6f-4a5e-9c32-0d2f6bd1e001"));
        one.put("sha256", "ab".repeat(32));
        Map<String, Object> other = new TreeMap<>(one);

        assertThat(CanonicalJson.sha256(CanonicalJson.of(one)))
                .isEqualTo(CanonicalJson.sha256(CanonicalJson.of(other)))
                .hasSize(64);
    }

    @Test
    void theHashCoversEveryFieldIncludingThePreviousHash() {
        ChainLink link = link();
        String hash = link.hash();
        List<UnaryOperator<ChainLink>> changes = List.of(
                l -> copy(l, l.sequence() + 1, l.occurredAt(), l.actor(), l.roles(), l.action(), l.previousHash()),
                l -> copy(
                        l,
                        l.sequence(),
                        l.occurredAt().plusNanos(1000),
                        l.actor(),
                        l.roles(),
                        l.action(),
                        l.previousHash()),
                l -> copy(l, l.sequence(), l.occurredAt(), "mallory", l.roles(), l.action(), l.previousHash()),
                l -> copy(l, l.sequence(), l.occurredAt(), l.actor(), List.of("admin"), l.action(), l.previousHash()),
                l -> copy(l, l.sequence(), l.occurredAt(), l.actor(), l.roles(), "evidence.deleted", l.previousHash()),
                l -> copy(l, l.sequence(), l.occurredAt(), l.actor(), l.roles(), l.action(), "1".repeat(64)),
                l -> new ChainLink(
                        l.sequence(),
                        l.occurredAt(),
                        l.actor(),
                        l.roles(),
                        l.action(),
                        l.subjectType(),
                        "another",
                        l.processInstanceId(),
                        l.changeDigest(),
                        l.previousHash()),
                l -> new ChainLink(
                        l.sequence(),
                        l.occurredAt(),
                        l.actor(),
                        l.roles(),
                        l.action(),
                        l.subjectType(),
                        l.subjectId(),
                        "pi-2",
                        l.changeDigest(),
                        l.previousHash()),
                l -> new ChainLink(
                        l.sequence(),
                        l.occurredAt(),
                        l.actor(),
                        l.roles(),
                        l.action(),
                        l.subjectType(),
                        l.subjectId(),
                        l.processInstanceId(),
                        "2".repeat(64),
                        l.previousHash()));
        for (UnaryOperator<ChainLink> change : changes) {
            assertThat(change.apply(link).hash()).isNotEqualTo(hash);
        }
        assertThat(link().hash()).as("deterministic").isEqualTo(hash);
    }

    @Test
    void theEncodingIsPublishedCanonicalJsonSoAnyoneCanRecomputeIt() {
        // What README and ADR 0009 document; an auditor's script recomputes exactly this.
        assertThat(link().encoding())
                .isEqualTo("{\"action\":\"evidence.uploaded\",\"actor\":\"erin\",\"changeDigest\":\""
                        + "c".repeat(64) + "\",\"occurredAt\":\"2026-12-02T10:15:30.123456Z\",\"previousHash\":\""
                        + ChainHead.GENESIS + "\",\"processInstanceId\":\"pi-1\",\"roles\":[\"engineer\"],"
                        + "\"sequence\":1,\"subjectId\":\"a-1\",\"subjectType\":\"assessment\",\"v\":1}");
        assertThat(link().hash()).isEqualTo(CanonicalJson.sha256(link().encoding()));
    }

    private static ChainLink link() {
        return new ChainLink(
                1,
                AT,
                "erin",
                List.of("engineer"),
                "evidence.uploaded",
                "assessment",
                "a-1",
                "pi-1",
                "c".repeat(64),
                ChainHead.GENESIS);
    }

    private static ChainLink copy(
            ChainLink l,
            long sequence,
            Instant at,
            String actor,
            List<String> roles,
            String action,
            String previousHash) {
        return new ChainLink(
                sequence,
                at,
                actor,
                roles,
                action,
                l.subjectType(),
                l.subjectId(),
                l.processInstanceId(),
                l.changeDigest(),
                previousHash);
    }
}
