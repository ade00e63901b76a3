package io.conformity.evidence.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import io.conformity.evidence.Severity;

/**
 * Keeps what a person can act on and counts the rest, so that a scan with a million results costs bounded memory
 * and storage: the {@link #MAX_FINDINGS} most severe findings (the earliest among equals), every finding counted by
 * severity, and the first {@link #MAX_COMPONENTS} components.
 */
final class CollectingSink implements AnalysisSink {

    static final int MAX_FINDINGS = 1000;
    static final int MAX_COMPONENTS = 20_000;

    private record Numbered(long position, Finding finding) {}

    // The weakest kept finding on top: the least severe, and the latest among equals.
    private final PriorityQueue<Numbered> kept = new PriorityQueue<>(
            Comparator.<Numbered, Severity>comparing(n -> n.finding().severity())
                    .thenComparing(Numbered::position, Comparator.reverseOrder()));
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private final Set<String> sbom;
    private final List<Component> components = new ArrayList<>();
    private long position;
    private int findingsTotal;
    private long componentsTotal;

    CollectingSink() {
        this(Set.of());
    }

    /** @param sbom the package URLs of the release's SBOM components, without qualifiers (see {@link #bare}) */
    CollectingSink(Set<String> sbom) {
        this.sbom = sbom;
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
    }

    @Override
    public void finding(Finding finding) {
        findingsTotal++;
        bySeverity.merge(finding.severity(), 1, Integer::sum);
        Numbered numbered = new Numbered(position++, finding);
        if (kept.size() < MAX_FINDINGS) {
            kept.add(numbered);
        } else if (kept.peek().finding().severity().compareTo(finding.severity()) < 0) {
            kept.poll();
            kept.add(numbered);
        }
    }

    @Override
    public void component(Component component) {
        componentsTotal++;
        if (components.size() < MAX_COMPONENTS) {
            components.add(component);
        }
    }

    /** The kept findings in the order they were found, each matched to the release's SBOM where it names a package. */
    List<Finding> findings() {
        return kept.stream()
                .sorted(Comparator.comparingLong(Numbered::position))
                .map(n -> matched(n.finding()))
                .toList();
    }

    int findingsTotal() {
        return findingsTotal;
    }

    Map<Severity, Integer> bySeverity() {
        return Map.copyOf(bySeverity);
    }

    List<Component> components() {
        return components;
    }

    long componentsTotal() {
        return componentsTotal;
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
}
