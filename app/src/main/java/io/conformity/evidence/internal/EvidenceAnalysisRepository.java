package io.conformity.evidence.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceAnalysisRepository extends JpaRepository<EvidenceAnalysis, UUID> {

    List<EvidenceAnalysis> findByEvidenceIdIn(Collection<UUID> evidenceIds);
}
