package io.conformity.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.conformity.evidence.ComponentView;
import io.conformity.evidence.FindingView;
import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.Component;
import io.conformity.evidence.internal.analysis.Finding;

/**
 * Findings, coverage and components: rows derived from evidence and written in bulk, so kept with plain SQL rather
 * than as entities. Every write replaces what an earlier analysis of the same evidence wrote.
 */
@Repository
class FindingStore {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    FindingStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A requirement assessment a finding was matched to. */
    record Match(UUID requirementAssessmentId, String principle) {}

    void replaceFindings(UUID evidenceId, UUID assessmentId, List<Finding> findings, List<List<Match>> matches) {
        jdbc.sql("delete from finding_requirement where finding_id in (select id from finding where evidence_id = ?)")
                .param(evidenceId)
                .update();
        jdbc.sql("delete from finding where evidence_id = ?").param(evidenceId).update();
        List<UUID> ids = findings.stream().map(f -> UUID.randomUUID()).toList();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            positions.add(i);
        }
        batches.batchUpdate(
                "insert into finding (id, evidence_id, assessment_id, position, code, severity, severity_rank,"
                        + " provisions, message, location) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                positions,
                BATCH,
                (ps, i) -> {
                    Finding f = findings.get(i);
                    ps.setObject(1, ids.get(i));
                    ps.setObject(2, evidenceId);
                    ps.setObject(3, assessmentId);
                    ps.setInt(4, i);
                    ps.setString(5, stored(f.code(), 80));
                    ps.setString(6, f.severity().name());
                    ps.setInt(7, f.severity().ordinal());
                    ps.setString(8, stored(encode(f.provisions()), 2000));
                    ps.setString(9, stored(f.message(), 2000));
                    ps.setString(10, f.location() == null ? null : stored(f.location(), 500));
                });
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            for (Match m : matches.get(i)) {
                links.add(new Object[] {ids.get(i), m.requirementAssessmentId(), m.principle()});
            }
        }
        batches.batchUpdate(
                "insert into finding_requirement (finding_id, requirement_assessment_id, principle) values (?, ?, ?)",
                links);
    }

    Set<UUID> coverageOf(UUID evidenceId) {
        return new HashSet<>(jdbc.sql("select requirement_assessment_id from evidence_coverage where evidence_id = ?")
                .param(evidenceId)
                .query(UUID.class)
                .list());
    }

    void replaceCoverage(UUID evidenceId, Collection<UUID> requirementAssessmentIds) {
        jdbc.sql("delete from evidence_coverage where evidence_id = ?")
                .param(evidenceId)
                .update();
        batches.batchUpdate(
                "insert into evidence_coverage (evidence_id, requirement_assessment_id) values (?, ?)",
                requirementAssessmentIds.stream()
                        .map(ra -> new Object[] {evidenceId, ra})
                        .toList());
    }

    void replaceComponents(UUID evidenceId, UUID assessmentId, List<Component> components) {
        jdbc.sql("delete from sbom_component where evidence_id = ?")
                .param(evidenceId)
                .update();
        batches.batchUpdate(
                "insert into sbom_component (id, evidence_id, assessment_id, name, version, purl)"
                        + " values (?, ?, ?, ?, ?, ?)",
                components,
                BATCH,
                (ps, c) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, evidenceId);
                    ps.setObject(3, assessmentId);
                    ps.setString(4, stored(c.name() == null ? "(unnamed)" : c.name(), 500));
                    ps.setString(5, c.version() == null ? null : stored(c.version(), 200));
                    ps.setString(6, c.purl() == null ? null : stored(c.purl(), 1000));
                });
    }

    List<FindingView> ofEvidence(UUID evidenceId) {
        return withLinks(jdbc.sql(SELECT + " where f.evidence_id = ? order by f.position")
                .param(evidenceId)
                .query(FindingStore::row)
                .list());
    }

    /** Findings bearing on each of the requirement assessments, most severe first. */
    Map<UUID, List<FindingView>> ofRequirements(Collection<UUID> requirementAssessmentIds) {
        Map<UUID, List<FindingView>> byRequirement = new HashMap<>();
        if (requirementAssessmentIds.isEmpty()) {
            return byRequirement;
        }
        List<FindingView> found = withLinks(jdbc.sql(SELECT + " where f.id in (select finding_id from"
                        + " finding_requirement where requirement_assessment_id in (:ids))"
                        + " order by f.severity_rank desc, e.uploaded_at, f.position")
                .param("ids", requirementAssessmentIds)
                .query(FindingStore::row)
                .list());
        for (FindingView f : found) {
            for (UUID ra : f.requirementAssessmentIds()) {
                if (requirementAssessmentIds.contains(ra)) {
                    byRequirement.computeIfAbsent(ra, k -> new ArrayList<>()).add(f);
                }
            }
        }
        return byRequirement;
    }

    Page<FindingView> page(UUID assessmentId, String principle, Set<Severity> severities, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where f.assessment_id = :assessment");
        Map<String, Object> params = new HashMap<>();
        params.put("assessment", assessmentId);
        if (principle != null) {
            where.append(" and exists (select 1 from finding_requirement fr where fr.finding_id = f.id"
                    + " and fr.principle = :principle)");
            params.put("principle", principle);
        }
        if (!severities.isEmpty()) {
            where.append(" and f.severity in (:severities)");
            params.put("severities", severities.stream().map(Enum::name).toList());
        }
        long total = jdbc.sql("select count(*) from finding f" + where)
                .params(params)
                .query(Long.class)
                .single();
        Sort.Order bySeverity = pageable.getSort().getOrderFor("severity");
        String direction = bySeverity != null && bySeverity.isAscending() ? "asc" : "desc";
        List<FindingView> content = withLinks(jdbc.sql(SELECT + where + " order by f.severity_rank " + direction
                        + ", e.uploaded_at, f.evidence_id, f.position limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(FindingStore::row)
                .list());
        return new PageImpl<>(content, pageable, total);
    }

    /** Per assessment, its findings counted by severity; an assessment without findings is absent. */
    Map<UUID, Map<Severity, Long>> countsBySeverity(Collection<UUID> assessmentIds) {
        Map<UUID, Map<Severity, Long>> counts = new HashMap<>();
        if (assessmentIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select assessment_id, severity, count(*) from finding where assessment_id in (:ids)"
                        + " group by assessment_id, severity")
                .param("ids", assessmentIds)
                .query((rs, n) -> {
                    counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Severity.class))
                            .put(Severity.valueOf(rs.getString(2)), rs.getLong(3));
                    return null;
                })
                .list();
        return counts;
    }

    /** Evidence ids covering each requirement assessment. */
    Map<UUID, List<UUID>> coverage(Collection<UUID> requirementAssessmentIds) {
        Map<UUID, List<UUID>> covered = new HashMap<>();
        if (requirementAssessmentIds.isEmpty()) {
            return covered;
        }
        jdbc.sql("select requirement_assessment_id, evidence_id from evidence_coverage"
                        + " where requirement_assessment_id in (:ids)")
                .param("ids", requirementAssessmentIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .forEach(e -> covered.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return covered;
    }

    Page<ComponentView> components(UUID assessmentId, Pageable pageable) {
        long total = jdbc.sql("select count(*) from sbom_component where assessment_id = ?")
                .param(assessmentId)
                .query(Long.class)
                .single();
        Sort.Order byName = pageable.getSort().getOrderFor("name");
        String direction = byName != null && byName.isDescending() ? "desc" : "asc";
        List<ComponentView> content = jdbc.sql("select name, version, purl, evidence_id from sbom_component"
                        + " where assessment_id = ? order by lower(name) " + direction + ", version, id"
                        + " limit ? offset ?")
                .params(assessmentId, pageable.getPageSize(), pageable.getOffset())
                .query((rs, n) -> new ComponentView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    Set<String> purls(UUID assessmentId) {
        return Set.copyOf(
                jdbc.sql("select distinct purl from sbom_component where assessment_id = ? and purl is not null")
                        .param(assessmentId)
                        .query(String.class)
                        .list());
    }

    private static final String SELECT = "select f.id, f.evidence_id, e.file_name, f.code, f.severity, f.provisions,"
            + " f.message, f.location from finding f join evidence e on e.id = f.evidence_id";

    private static FindingView row(ResultSet rs, int n) throws SQLException {
        return new FindingView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                Severity.valueOf(rs.getString(5)),
                decode(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                List.of(),
                List.of());
    }

    /** Adds each finding's requirement assessments and principles. */
    private List<FindingView> withLinks(List<FindingView> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        Map<UUID, List<Match>> links = new HashMap<>();
        jdbc.sql("select finding_id, requirement_assessment_id, principle from finding_requirement"
                        + " where finding_id in (:ids)")
                .param("ids", findings.stream().map(FindingView::id).toList())
                .query((rs, n) -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Match(rs.getObject(2, UUID.class), rs.getString(3)));
                    return null;
                })
                .list();
        return findings.stream()
                .map(f -> {
                    List<Match> matched = links.getOrDefault(f.id(), List.of());
                    return new FindingView(
                            f.id(),
                            f.evidenceId(),
                            f.fileName(),
                            f.code(),
                            f.severity(),
                            f.provisions(),
                            f.message(),
                            f.location(),
                            matched.stream().map(Match::principle).distinct().toList(),
                            matched.stream().map(Match::requirementAssessmentId).toList());
                })
                .toList();
    }

    static String encode(List<Provision> provisions) {
        return String.join(
                " ", provisions.stream().map(p -> p.framework() + "#" + p.id()).toList());
    }

    static List<Provision> decode(String text) {
        return Arrays.stream(text.split(" "))
                .filter(s -> !s.isEmpty())
                .map(s -> new Provision(s.substring(0, s.indexOf('#')), s.substring(s.indexOf('#') + 1)))
                .toList();
    }

    /**
     * Text as a column can hold it: without NUL and the other C0 controls but tab and line breaks (PostgreSQL refuses
     * NUL; a tool's output may carry anything), cut to the column's length.
     */
    private static String stored(String text, int max) {
        String printable = CONTROLS.matcher(text).replaceAll("");
        return printable.length() <= max ? printable : printable.substring(0, max - 1) + "…";
    }

    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
}
