package io.conformity.assessment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.Verdict;
import io.conformity.assessment.ics.IcsProblem;
import io.conformity.assessment.ics.IcsRow;
import io.conformity.assessment.ics.IcsRules;
import io.conformity.assessment.ics.IcsStatement;
import io.conformity.assessment.ics.Support;
import io.conformity.audit.Audited;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Requirement;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/**
 * The Implementation Conformance Statement (EN 303 645 Annex B, Table B.1) of an assessment that covers the full
 * standard. Import records the manufacturer's claims (support and detail) beside the officer's verdicts; export
 * gives the claim where one exists, else what the assessment established (N/A from the profile, Y/N from the
 * verdict).
 */
@Service
@Transactional
class IcsService {

    private final AssessmentRepository assessments;
    private final RequirementAssessmentRepository requirements;
    private final CatalogApi catalog;
    private final AssessmentApi access;
    private final ApplicationEventPublisher events;

    IcsService(
            AssessmentRepository assessments,
            RequirementAssessmentRepository requirements,
            CatalogApi catalog,
            AssessmentApi access,
            ApplicationEventPublisher events) {
        this.access = access;
        this.events = events;
        this.assessments = assessments;
        this.requirements = requirements;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    IcsStatement export(UUID assessmentId) {
        access.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        Framework standard = standardOf(find(assessmentId));
        Map<String, RequirementAssessment> rows = rows(assessmentId, standard);
        List<IcsRow> ics = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Requirement provision : standard.requirements()) {
            RequirementAssessment row = rows.get(provision.id());
            Support support;
            String detail;
            if (row.icsSupport() != null) {
                support = Support.parse(row.icsSupport()).orElseThrow();
                detail = row.icsDetail();
            } else if (!row.applicable()) {
                support = Support.NA;
                detail = row.justification();
            } else if (row.verdict() != null) {
                support = row.verdict() == Verdict.PASS ? Support.Y : Support.N;
                detail = row.justification();
            } else {
                unknown.add(provision.id());
                continue;
            }
            ics.add(new IcsRow(provision.id(), provision.status(), support, detail == null ? "" : detail));
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(
                    ProblemType.ICS_INCOMPLETE,
                    "No claim and no verdict yet for " + unknown.size() + " applicable provision(s): "
                            + String.join(", ", unknown) + ". Import the manufacturer's ICS or finish the review.");
        }
        return new IcsStatement(standard.reference(), standard.version(), ics);
    }

    /** Validates the whole statement first; records nothing unless every row is right. */
    void importIcs(UUID assessmentId, IcsStatement statement, int firstRow) {
        access.requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        Assessment assessment = find(assessmentId);
        if (assessment.status() != AssessmentStatus.IN_PROGRESS) {
            throw new ProblemException(
                    ProblemType.ASSESSMENT_STATE, "The ICS can be imported only while the assessment is in progress.");
        }
        Framework standard = standardOf(assessment);
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!standard.reference().equals(statement.framework())
                || !standard.version().equals(statement.version())) {
            errors.add(error(
                    0,
                    "version",
                    "the statement is for " + statement.framework() + " " + statement.version()
                            + ", the assessment for " + standard.reference() + " " + standard.version()));
        }
        Map<String, RequirementAssessment> rows = rows(assessmentId, standard);
        Map<String, String> statuses = new LinkedHashMap<>();
        standard.requirements().forEach(r -> statuses.put(r.id(), r.status()));
        Set<String> notApplicable = new HashSet<>();
        rows.forEach((id, row) -> {
            if (!row.applicable()) {
                notApplicable.add(id);
            }
        });
        for (IcsProblem problem : IcsRules.check(statement, statuses, notApplicable, firstRow)) {
            errors.add(error(problem.row(), problem.column(), problem.message()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The ICS has " + errors.size() + " problem(s); nothing was recorded.", errors);
        }
        for (IcsRow row : statement.rows()) {
            rows.get(row.provision()).claim(row.support().label(), row.detail().isEmpty() ? null : row.detail());
        }
        events.publishEvent(Audited.of(
                "assessment.ics-imported",
                "assessment",
                assessmentId.toString(),
                Map.of(
                        "framework", statement.framework(),
                        "version", statement.version(),
                        "claims",
                                statement.rows().stream()
                                        .map(r -> Map.of(
                                                "provision", r.provision(),
                                                "support", r.support().label(),
                                                "detail", r.detail()))
                                        .toList())));
    }

    /** One row/column problem as the API reports it. */
    static Map<String, Object> error(int row, String column, String detail) {
        Map<String, Object> error = new HashMap<>();
        error.put("row", row);
        error.put("column", column == null ? "" : column);
        error.put("detail", detail);
        return error;
    }

    @Transactional(readOnly = true)
    Framework standard(UUID assessmentId) {
        access.requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return standardOf(find(assessmentId));
    }

    private Framework standardOf(Assessment assessment) {
        String version = assessment.en303645Version();
        if (version == null) {
            throw new ProblemException(
                    ProblemType.ICS_NEEDS_EN303645,
                    "The ICS covers every provision of ETSI EN 303 645: open the assessment with the EN303645 regime.");
        }
        return catalog.framework(CatalogApi.EN_303_645, version).orElseThrow();
    }

    private Map<String, RequirementAssessment> rows(UUID assessmentId, Framework standard) {
        Map<String, RequirementAssessment> rows = new HashMap<>();
        for (RequirementAssessment row : requirements.findByAssessmentIdOrderByPosition(assessmentId)) {
            if (row.frameworkUrn().equals(standard.urn())
                    && row.frameworkVersion().equals(standard.version())) {
                rows.put(row.requirementId(), row);
            }
        }
        return rows;
    }

    private Assessment find(UUID id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("Assessment", id));
    }
}
