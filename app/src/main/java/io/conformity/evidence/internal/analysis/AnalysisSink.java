package io.conformity.evidence.internal.analysis;

/**
 * Receives what an analyzer reads, as it reads it, so that a file of any size is analysed in bounded memory: the
 * sink decides what to keep (the store keeps a bounded number of findings and counts the rest).
 */
public interface AnalysisSink {

    void finding(Finding finding);

    /** A component of a software bill of materials. */
    default void component(Component component) {}

    /** A port the scan found open (nmap): cross-checked against the declared interfaces. */
    default void openPort(int port, String protocol, String service) {}
}
