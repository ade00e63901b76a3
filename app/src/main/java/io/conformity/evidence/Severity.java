package io.conformity.evidence;

/** How much a finding weighs, in the order of CVSS's qualitative ratings. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
