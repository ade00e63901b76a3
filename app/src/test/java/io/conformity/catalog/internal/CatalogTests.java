package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.conformity.catalog.Crosswalk;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Requirement;

/** The shipped catalog matches the standards' own counts (regulations.md §2–§5). */
class CatalogTests {

    static final CatalogService CATALOG = new CatalogService(
            new CatalogLoader(new PathMatchingResourcePatternResolver()).load("classpath:conformity/evidence-schema/"));

    @Test
    void en303645V313Has78ProvisionsOf36AreMandatoryType() {
        Framework v3 = framework("urn:etsi:en:303645", "V3.1.3");
        assertThat(v3.requirements()).hasSize(78);
        assertThat(v3.requirements().stream().filter(r -> r.provisionStatus().mandatory()))
                .hasSize(36);
        assertThat(v3.citation()).isEqualTo("ETSI EN 303 645 V3.1.3 (2024-09)");
        assertThat(v3.conditions()).extracting(Framework.Condition::id).containsExactly("3", "12", "14", "15", "16");
        assertThat(v3.features()).hasSize(27);
    }

    @Test
    void theUnconditionalMandatoryProvisionsOfV313AreExactlyThoseListed() {
        assertThat(framework("urn:etsi:en:303645", "V3.1.3").requirements().stream()
                        .filter(r -> r.provisionStatus().mandatory()
                                && r.provisionStatus().unconditional())
                        .map(Requirement::id))
                .containsExactlyInAnyOrder(
                        "5.0-1", "5.2-1", "5.3-13", "5.3-16", "5.4-3", "5.5-1", "5.6-2", "5.11-1", "5.13-1A", "5.13-1B",
                        "6-1");
    }

    @Test
    void en303645V211Has68ProvisionsOf33AreMandatoryType() {
        Framework v2 = framework("urn:etsi:en:303645", "V2.1.1");
        assertThat(v2.requirements()).hasSize(68);
        assertThat(v2.requirements().stream().filter(r -> r.provisionStatus().mandatory()))
                .hasSize(33);
        assertThat(v2.requirement("4-1")).isPresent();
        assertThat(v2.requirement("5.3-10").orElseThrow().status()).isEqualTo("M C (11, 12)");
        assertThat(v2.conditions()).hasSize(13);
        assertThat(v2.conditions().stream()
                        .filter(c -> "4".equals(c.complementOf()))
                        .map(Framework.Condition::id))
                .containsExactly("5");
        // The provisions PSTI relies on keep their numbers.
        assertThat(List.of("5.1-1", "5.1-2", "5.2-1", "5.3-13"))
                .allSatisfy(id -> assertThat(v2.requirement(id)).isPresent());
    }

    @Test
    void pstiScheduleOneHasThreeRequirementsWithTheirDeemedComplianceRoutes() {
        Framework psti = framework("urn:conformity:framework:uk-psti", "SI 2023/1007");
        assertThat(psti.requirements()).extracting(Requirement::id).containsExactly("Sch1-P1", "Sch1-P2", "Sch1-P3");
        assertThat(routeIds(psti.requirement("Sch1-P1").orElseThrow())).contains("5.1-1", "5.1-2");
        assertThat(routeIds(psti.requirement("Sch1-P2").orElseThrow())).contains("5.2-1");
        assertThat(psti.requirement("Sch1-P2").orElseThrow().deemedCompliance())
                .anySatisfy(r -> assertThat(r.clauses()).containsExactly("6.2.2", "6.2.5", "6.5"));
        assertThat(routeIds(psti.requirement("Sch1-P3").orElseThrow())).contains("5.3-13");
        assertThat(psti.exceptedProducts())
                .extracting(Framework.ExceptedClass::id)
                .containsExactly("Sch3-1", "Sch3-2", "Sch3-3", "Sch3-4", "Sch3-5", "Sch3-6");
    }

    @Test
    void craAnnexIHasPartIAndPartII() {
        Framework cra = framework("urn:conformity:framework:eu-cra-annex-i", "2024/2847");
        assertThat(cra.requirements())
                .extracting(Requirement::id)
                .containsExactly(
                        "I.1", "I.2a", "I.2b", "I.2c", "I.2d", "I.2e", "I.2f", "I.2g", "I.2h", "I.2i", "I.2j", "I.2k",
                        "I.2l", "I.2m", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "II.8");
    }

    @Test
    void theCrosswalkTiesEachCopGuidelineToItsClauseAndPstiRequirement() {
        Crosswalk crosswalk = CATALOG.crosswalk();
        Crosswalk.Topic passwords = crosswalk.topics().stream()
                .filter(t -> t.code().equals("1"))
                .findFirst()
                .orElseThrow();
        assertThat(passwords.requirements())
                .extracting(r -> r.frameworkVersion() + " " + r.id())
                .contains("2018 1", "V2.1.1 5.1-1", "V3.1.3 5.1-2A", "SI 2023/1007 Sch1-P1", "2024/2847 I.2b");
        assertThat(crosswalk.topics())
                .extracting(Crosswalk.Topic::code)
                .containsAll(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"));
    }

    @Test
    void theLabelRoutesOfSi2025Slash1267AreRecordedBesideScheduleTwo() {
        assertThat(framework("urn:conformity:framework:uk-psti", "SI 2023/1007")
                        .requirement("Sch1-P1")
                        .orElseThrow()
                        .deemedCompliance())
                .extracting(Requirement.Route::id)
                .contains("Sch2-P1-JCSTAR", "Sch2-P1-CLS");
    }

    private static List<String> routeIds(Requirement requirement) {
        return requirement.deemedCompliance().stream()
                .flatMap(r -> r.requires().stream())
                .map(r -> r.id())
                .toList();
    }

    private static Framework framework(String urn, String version) {
        return CATALOG.framework(urn, version).orElseThrow();
    }
}
