package io.conformity.evidence.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.conformity.evidence.AnalysisStatus;
import io.conformity.evidence.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest analysis of one evidence item; replaced when the evidence is analysed again. */
@Entity
@Table(name = "evidence_analysis")
class EvidenceAnalysis {

    @Id
    @Column(name = "evidence_id")
    private UUID evidenceId;

    @Column(nullable = false, length = 40)
    private String analyzer;

    @Column(name = "analyzer_version", nullable = false, length = 20)
    private String analyzerVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AnalysisStatus status;

    @Column(nullable = false, length = 1000)
    private String summary;

    @Column(name = "findings_total", nullable = false)
    private int findingsTotal;

    @Column(name = "severity_counts", nullable = false, length = 200)
    private String severityCounts;

    @Column(name = "analysed_at", nullable = false)
    private Instant analysedAt;

    protected EvidenceAnalysis() {}

    EvidenceAnalysis(UUID evidenceId) {
        this.evidenceId = evidenceId;
    }

    void record(
            String analyzer,
            String analyzerVersion,
            AnalysisStatus status,
            String summary,
            int findingsTotal,
            Map<Severity, Integer> bySeverity,
            Instant analysedAt) {
        this.analyzer = analyzer;
        this.analyzerVersion = analyzerVersion;
        this.status = status;
        this.summary = summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
        this.findingsTotal = findingsTotal;
        this.severityCounts = Arrays.stream(Severity.values())
                .map(s -> s.name() + "=" + bySeverity.getOrDefault(s, 0))
                .collect(Collectors.joining(","));
        this.analysedAt = analysedAt;
    }

    UUID evidenceId() {
        return evidenceId;
    }

    String analyzer() {
        return analyzer;
    }

    String analyzerVersion() {
        return analyzerVersion;
    }

    AnalysisStatus status() {
        return status;
    }

    String summary() {
        return summary;
    }

    int findingsTotal() {
        return findingsTotal;
    }

    /** Every finding of the analysis counted by severity, also those past the number kept. */
    Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (String entry : severityCounts.split(",")) {
            int at = entry.indexOf('=');
            counts.put(Severity.valueOf(entry.substring(0, at)), Integer.parseInt(entry.substring(at + 1)));
        }
        return counts;
    }

    Instant analysedAt() {
        return analysedAt;
    }
}
