package io.conformity.evidence.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * The findings every SBOM (CycloneDX, SPDX) yields, counted as components stream past: one inventory finding, one
 * finding per component without a version, and one aggregated finding for the components without a package URL.
 * Only counts and the first few names are kept, so memory does not grow with the SBOM.
 *
 * <p>Provisions: a machine-readable SBOM is how a manufacturer identifies and documents the product's components
 * (CRA Annex I Part II (1)); EN 303 645 has no SBOM provision, and the reference maps it, as partial coverage, to
 * continuous vulnerability monitoring (5.2-3), which needs components identified by name and version.
 */
final class SbomInventory {

    static final List<Provision> PROVISIONS = List.of(Provision.cra("II.1"), Provision.en("5.2-3"));

    private static final int NAMED = 5;

    private final AnalysisSink sink;
    private final String noun;
    private long components;
    private long withPurl;
    private long withoutPurl;
    private String firstWithoutPurl;
    private final List<String> namesWithoutPurl = new ArrayList<>();

    /** @param noun what the format calls its entries: {@code component}, {@code package} */
    SbomInventory(AnalysisSink sink, String noun) {
        this.sink = sink;
        this.noun = noun;
    }

    /** The product the SBOM describes: reported to the sink, not counted nor checked as one of its components. */
    void subject(String name, String version, String purl) {
        sink.component(new Component(name, version, purl));
    }

    /**
     * One entry of the inventory; {@code kind} (its type, may be null) makes the message clearer. The location is
     * asked for only when a finding needs it: building a pointer for each of a million components would cost more
     * than reading them.
     */
    void component(String name, String version, String purl, String kind, Supplier<String> location) {
        String shown = name == null ? "(unnamed)" : name;
        sink.component(new Component(shown, version, purl));
        components++;
        String described = kind == null ? shown : shown + " (" + kind + ")";
        if (version == null) {
            sink.finding(new Finding(
                    "sbom.component.no-version",
                    Severity.LOW,
                    PROVISIONS,
                    "The SBOM lists " + noun + " " + described
                            + " without a version, so known vulnerabilities in it cannot be identified.",
                    location.get()));
        }
        if (purl == null) {
            withoutPurl++;
            if (firstWithoutPurl == null) {
                firstWithoutPurl = location.get();
            }
            if (namesWithoutPurl.size() < NAMED) {
                namesWithoutPurl.add(described);
            }
        } else {
            withPurl++;
        }
    }

    long components() {
        return components;
    }

    long withPurl() {
        return withPurl;
    }

    /**
     * The aggregated no-purl finding and the inventory finding.
     *
     * @param what     {@code CycloneDX 1.5 SBOM}
     * @param subject  what the SBOM describes (may be null)
     * @param location where the list of components is
     */
    void finish(String what, String subject, String location) {
        if (withoutPurl > 0) {
            String names = String.join(", ", namesWithoutPurl) + (withoutPurl > NAMED ? ", …" : "");
            sink.finding(new Finding(
                    "sbom.component.no-purl",
                    Severity.INFO,
                    PROVISIONS,
                    withoutPurl + " of " + components + " " + plural(components) + " in the SBOM "
                            + (withoutPurl == 1 ? "has" : "have")
                            + " no package URL (purl), so vulnerability scanners cannot match "
                            + (withoutPurl == 1 ? "it" : "them") + " reliably: " + names + ".",
                    firstWithoutPurl));
        }
        sink.finding(new Finding(
                "sbom.inventory",
                Severity.INFO,
                PROVISIONS,
                "The " + what + (subject == null ? "" : " of " + subject) + " lists " + components + " "
                        + plural(components) + ", " + withPurl + " of them with a package URL (purl).",
                location));
    }

    /** {@code 5 components (4 with purl)} */
    String tally() {
        return components + " " + plural(components) + " (" + withPurl + " with purl)";
    }

    private String plural(long count) {
        return count == 1 ? noun : noun + "s";
    }
}
