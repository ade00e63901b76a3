package io.conformity.evidence.internal.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a person can act on and counts the rest, so that a scan with a million results costs bounded memory
 * and storage: the first {@link #MAX_FINDINGS} findings (an analyzer reports the important ones first or
 * aggregates) and the first {@link #MAX_COMPONENTS} components.
 */
final class CollectingSink implements AnalysisSink {

    static final int MAX_FINDINGS = 1000;
    static final int MAX_COMPONENTS = 20_000;

    private final List<Finding> findings = new ArrayList<>();
    private final List<Component> components = new ArrayList<>();
    private int findingsTotal;
    private long componentsTotal;

    @Override
    public void finding(Finding finding) {
        findingsTotal++;
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
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
