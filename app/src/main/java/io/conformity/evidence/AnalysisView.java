package io.conformity.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the analysis of an evidence item found.
 *
 * @param analyzer        the analyzer that read it ({@code nmap}, {@code declaration:interfaces}); {@code document}
 *                        when none recognised it
 * @param findingsTotal   how many findings the analysis made (at most {@code 1000} are kept; the rest are counted)
 * @param bySeverity      findings per severity
 * @param findings        the kept findings, on a single evidence item's view only; empty in lists
 */
public record AnalysisView(
        String analyzer,
        String analyzerVersion,
        AnalysisStatus status,
        String summary,
        int findingsTotal,
        Map<Severity, Integer> bySeverity,
        List<FindingView> findings,
        Instant analysedAt) {}
