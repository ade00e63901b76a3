package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.conformity.catalog.Applicability;
import io.conformity.catalog.Framework;
import io.conformity.catalog.ProfileAnswers;
import io.conformity.catalog.Requirement;

/**
 * Applicability of EN 303 645 V3.1.3 for three contrasting products. The expected sets were worked out by hand
 * from the status column of the ICS (regulations.md §2.3), not from the code under test.
 */
class ApplicabilityTests {

    private static final Framework V3 =
            CatalogTests.CATALOG.framework("urn:etsi:en:303645", "V3.1.3").orElseThrow();

    /** The 32 provisions without a condition or feature: they apply to every device. */
    private static final List<String> UNCONDITIONAL = List.of(
            "5.0-1", "5.1-2A", "5.2-1", "5.2-2", "5.2-3", "5.3-13", "5.3-16", "5.4-3", "5.5-1", "5.5-2", "5.5-3",
            "5.5-4", "5.6-2", "5.6-3", "5.6-5", "5.6-6", "5.6-7", "5.6-8", "5.6-9", "5.7-1", "5.9-1", "5.9-2", "5.9-3",
            "5.11-1", "5.11-3", "5.11-4", "5.12-1", "5.12-2", "5.12-3", "5.13-1A", "5.13-1B", "6-1");

    @Test
    void smartCameraWithPasswordsTelemetryAndCloudService() {
        // Updatable over the network, user passwords, debug interface that is not a physical port, secure boot,
        // video (sensitive personal data) to a cloud service, telemetry, consent; no unused interfaces, no
        // hard-coded identity, no aggregate-only processing.
        ProfileAnswers camera = answers(
                Map.of("3", false, "12", true, "14", true, "15", true, "16", true),
                "abcdefghijkmnoqstuvwxyz",
                "lpr",
                Set.of("aa"));
        assertThat(applicable(camera))
                .containsExactlyInAnyOrderElementsOf(union(
                        UNCONDITIONAL,
                        List.of(
                                "5.1-1", "5.1-2", "5.1-3", "5.1-4", "5.1-5", "5.3-1", "5.3-2", "5.3-3", "5.3-4A",
                                "5.3-4B", "5.3-5", "5.3-6A", "5.3-6B", "5.3-7", "5.3-8", "5.3-9", "5.3-10", "5.3-11",
                                "5.3-12", "5.4-1", "5.4-4", "5.5-5", "5.5-6", "5.5-7", "5.5-8", "5.6-4A", "5.7-2",
                                "5.8-1", "5.8-2", "5.8-3", "5.10-1", "5.11-2", "6-2", "6-3A", "6-3B", "6-4", "6-5",
                                "6-6", "6-8")));
        assertThat(applicable(camera)).hasSize(71);
    }

    @Test
    void constrainedNonUpdatableSensor() {
        // Software not updatable, no update mechanism, resource constraints prevent brute-force mitigation and
        // updates; authenticates to its hub with a pre-shared key it stores; senses its surroundings.
        ProfileAnswers sensor = answers(
                Map.of("3", true, "12", false, "14", false, "15", false, "16", true),
                "cekmv",
                "abdfghijlnopqrstuwxyz",
                Set.of("aa"));
        assertThat(applicable(sensor))
                .containsExactlyInAnyOrderElementsOf(union(
                        UNCONDITIONAL,
                        List.of("5.1-3", "5.3-14", "5.3-15A", "5.3-15B", "5.4-1", "5.4-4", "5.5-8", "5.8-3")));
        assertThat(applicable(sensor)).hasSize(40);
    }

    @Test
    void smartPlugWithoutUserAuthentication() {
        // No passwords and no user authentication; authenticates to its cloud with a certificate; automatic
        // updates over the network without notifications; configuration via the network; energy telemetry.
        ProfileAnswers plug = answers(
                Map.of("3", false, "12", true, "14", true, "15", true, "16", true),
                "cfghjkmnw",
                "abdeilopqrstuvxyz",
                Set.of("aa"));
        assertThat(applicable(plug))
                .containsExactlyInAnyOrderElementsOf(union(
                        UNCONDITIONAL,
                        List.of(
                                "5.1-3", "5.3-1", "5.3-2", "5.3-3", "5.3-4A", "5.3-4B", "5.3-5", "5.3-6A", "5.3-7",
                                "5.3-8", "5.3-9", "5.3-10", "5.3-11", "5.3-12", "5.4-1", "5.4-4", "5.5-5", "5.5-8",
                                "5.10-1", "6-4", "6-5")));
        assertThat(applicable(plug)).hasSize(53);
    }

    @Test
    void anUnconditionalMandatoryProvisionIsNeverNotApplicable() {
        ProfileAnswers nothing = answers(
                Map.of("3", false, "12", false, "14", false, "15", false, "16", false),
                "",
                "abcdefghijklmnopqrstuvwxyz",
                Set.of("aa"));
        for (Requirement r : V3.requirements()) {
            if (r.provisionStatus().mandatory() && r.provisionStatus().unconditional()) {
                assertThat(CatalogTests.CATALOG.applicability(r, nothing).applicable())
                        .as(r.id())
                        .isTrue();
            }
        }
        assertThat(applicable(nothing)).containsExactlyInAnyOrderElementsOf(UNCONDITIONAL);
    }

    @Test
    void aNotApplicableProvisionNamesTheAbsentConditionOrFeature() {
        ProfileAnswers sensor = answers(
                Map.of("3", true, "12", false, "14", false, "15", false, "16", true),
                "cekmv",
                "abdfghijlnopqrstuwxyz",
                Set.of("aa"));
        Applicability bruteForce =
                CatalogTests.CATALOG.applicability(V3.requirement("5.1-5").orElseThrow(), sensor);
        assertThat(bruteForce.applicable()).isFalse();
        assertThat(bruteForce.justification())
                .contains("5.1-5", "M C F (14, e)", "condition (14)")
                .contains("no use-case resource constraint prevents a brute-force-mitigation mechanism");
        Applicability passwords =
                CatalogTests.CATALOG.applicability(V3.requirement("5.1-1").orElseThrow(), sensor);
        assertThat(passwords.justification()).contains("feature (a)", "is absent");
    }

    private static Set<String> applicable(ProfileAnswers answers) {
        Set<String> ids = new TreeSet<>();
        for (Requirement r : V3.requirements()) {
            if (CatalogTests.CATALOG.applicability(r, answers).applicable()) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    /** Features given as single letters present / absent, plus the two-letter ones named separately. */
    private static ProfileAnswers answers(
            Map<String, Boolean> conditions, String present, String absent, Set<String> absentLong) {
        Map<String, Boolean> features = new HashMap<>();
        present.chars().forEach(c -> features.put(String.valueOf((char) c), true));
        absent.chars().forEach(c -> features.put(String.valueOf((char) c), false));
        absentLong.forEach(f -> features.put(f, false));
        assertThat(features).as("every V3.1.3 feature answered").hasSize(27);
        return new ProfileAnswers("V3.1.3", conditions, features);
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
