package io.conformity.evidence.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps what a person can act on and counts the rest, so that a scan with a million results costs bounded memory
 * and storage: the first {@link #MAX_FINDINGS} findings (an analyzer reports the important ones first or
 * aggregates) and the first {@link #MAX_COMPONENTS} components.
 */
final class CollectingSink implements AnalysisSink {

    static final int MAX_FINDINGS = 1000;
    static final int MAX_COMPONENTS = 20_000;

    private final Set<String> sbom;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Component> components = new ArrayList<>();
    private int findingsTotal;
    private long componentsTotal;

    CollectingSink() {
        this(Set.of());
    }

    /** @param sbom the package URLs of the release's SBOM components, without qualifiers (see {@link #bare}) */
    CollectingSink(Set<String> sbom) {
        this.sbom = sbom;
    }

    @Override
    public void finding(Finding finding) {
        findingsTotal++;
        if (findings.size() < MAX_FINDINGS) {
            findings.add(matched(finding));
        }
    }

    /** A vulnerable component is matched to the release's SBOM by package URL, so the officer sees whether it ships. */
    private Finding matched(Finding finding) {
        if (finding.purl() == null || sbom.isEmpty()) {
            return finding;
        }
        String message = finding.message().endsWith(".") ? finding.message() : finding.message() + ".";
        return finding.withMessage(
                sbom.contains(bare(finding.purl()))
                        ? message + " The release's SBOM lists this component."
                        : message
                                + " The release's SBOM does not list this component: check that the SBOM is complete.");
    }

    /** A package URL without its qualifiers and subpath ({@code pkg:deb/debian/curl@7.88.1?arch=amd64}). */
    static String bare(String purl) {
        int end = purl.length();
        for (char c : new char[] {'?', '#'}) {
            int at = purl.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return purl.substring(0, end);
    }

    @Override
    public void component(Component component) {
        componentsTotal++;
        if (components.size() < MAX_COMPONENTS) {
            components.add(component);
        }
    }

    List<Finding> findings() {
        return findings;
    }

    int findingsTotal() {
        return findingsTotal;
    }

    List<Component> components() {
        return components;
    }

    long componentsTotal() {
        return componentsTotal;
    }
}
