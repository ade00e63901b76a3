package io.conformity.evidence.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

class CollectingSinkTests {

    @Test
    void aCriticalFindingPastTheCapIsKeptAndEveryFindingIsCounted() {
        CollectingSink sink = new CollectingSink();
        for (int i = 0; i < CollectingSink.MAX_FINDINGS + 500; i++) {
            sink.finding(finding("low." + i, Severity.LOW));
        }
        sink.finding(finding("secret", Severity.CRITICAL));
        sink.finding(finding("low.last", Severity.LOW));

        List<Finding> kept = sink.findings();
        assertThat(kept).hasSize(CollectingSink.MAX_FINDINGS);
        assertThat(kept.get(kept.size() - 1).code()).as("kept in file order").isEqualTo("secret");
        assertThat(kept.get(0).code()).isEqualTo("low.0");
        assertThat(kept).extracting(Finding::code).doesNotContain("low.last", "low.1499");
        assertThat(sink.findingsTotal()).isEqualTo(CollectingSink.MAX_FINDINGS + 502);
        assertThat(sink.bySeverity())
                .containsEntry(Severity.LOW, CollectingSink.MAX_FINDINGS + 501)
                .containsEntry(Severity.CRITICAL, 1)
                .containsEntry(Severity.HIGH, 0);
    }

    @Test
    void packageUrlsAreComparedWithoutQualifiers() {
        assertThat(CollectingSink.bare("pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12"))
                .isEqualTo("pkg:deb/debian/curl@7.88.1-10");
        assertThat(CollectingSink.bare("pkg:golang/google.golang.org/genproto#googleapis/api/annotations"))
                .isEqualTo("pkg:golang/google.golang.org/genproto");
    }

    private static Finding finding(String code, Severity severity) {
        return new Finding(code, severity, List.of(Provision.en("5.2-3")), "A finding.", "line 1");
    }
}
