package io.conformity.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentOpened;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.assessment.Verdict;
import io.conformity.assessment.VerdictCommand;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Regime;
import io.conformity.problem.ConflictException;
import io.conformity.problem.NotFoundException;
import io.conformity.product.ProductApi;

@Service
@Validated
@Transactional
class AssessmentService implements AssessmentApi {

    private final AssessmentRepository assessments;
    private final RequirementAssessmentRepository requirements;
    private final CatalogApi catalog;
    private final ProductApi products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentService(AssessmentRepository assessments, RequirementAssessmentRepository requirements,
            CatalogApi catalog, ProductApi products, ApplicationEventPublisher events, Clock clock) {
        this.assessments = assessments;
        this.requirements = requirements;
        this.catalog = catalog;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public AssessmentView open(OpenAssessmentCommand command, String openedBy) {
        Regime regime = catalog.regime(command.regime());
        products.release(command.releaseId());
        Assessment assessment = assessments.save(new Assessment(command.releaseId(), regime.code(), openedBy,
                clock.instant()));
        List<RequirementAssessment> created = new ArrayList<>();
        int position = 0;
        for (Regime.Principle principle : regime.principles()) {
            for (Regime.ScopedRequirement scoped : principle.requirements()) {
                var r = scoped.requirement();
                created.add(new RequirementAssessment(assessment.id(), position++, principle.code(),
                        r.frameworkUrn(), r.frameworkVersion(), r.id(), r.title(), scoped.mandatory()));
            }
        }
        requirements.saveAll(created);
        events.publishEvent(new AssessmentOpened(assessment.id(), regime.code(),
                regime.principles().stream().map(Regime.Principle::code).toList()));
        return assessment.view(created.stream().map(RequirementAssessment::view).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public AssessmentView assessment(UUID id) {
        return find(id).view(requirements.findByAssessmentIdOrderByPosition(id).stream()
                .map(RequirementAssessment::view).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public RequirementAssessmentView requirement(UUID requirementAssessmentId) {
        return requirements.findById(requirementAssessmentId).map(RequirementAssessment::view)
                .orElseThrow(() -> new NotFoundException("Requirement assessment", requirementAssessmentId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementAssessmentView> requirements(UUID assessmentId, String principle) {
        return principleRows(assessmentId, principle).stream().map(RequirementAssessment::view).toList();
    }

    @Override
    public void submitPrinciple(UUID assessmentId, String principle) {
        find(assessmentId).requireInProgress("submit evidence for");
        principleRows(assessmentId, principle).forEach(RequirementAssessment::submit);
    }

    @Override
    public void reviewPrinciple(UUID assessmentId, String principle, List<VerdictCommand> verdicts,
            boolean accept) {
        find(assessmentId).requireInProgress("review");
        List<RequirementAssessment> rows = principleRows(assessmentId, principle);
        Map<UUID, RequirementAssessment> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        for (VerdictCommand v : verdicts) {
            RequirementAssessment row = byId.get(v.requirementAssessmentId());
            if (row == null) {
                throw new ConflictException("requirement-not-in-principle", "Requirement not in principle",
                        "Requirement assessment " + v.requirementAssessmentId() + " is not part of principle "
                                + principle + " of assessment " + assessmentId + ".");
            }
            row.judge(v.verdict(), v.justification());
        }
        rows.forEach(accept ? RequirementAssessment::accept : RequirementAssessment::sendBack);
    }

    @Override
    public void approve(UUID assessmentId, String signatory, String placeOfIssue) {
        Assessment assessment = find(assessmentId);
        List<RequirementAssessment> rows = requirements.findByAssessmentIdOrderByPosition(assessmentId);
        List<String> notAccepted = rows.stream().filter(r -> r.status() != RequirementStatus.ACCEPTED)
                .map(r -> r.view().requirementId()).toList();
        if (!notAccepted.isEmpty()) {
            throw new ConflictException("principles-open", "Principles still open",
                    "Requirements not yet accepted: " + String.join(", ", notAccepted) + ".");
        }
        List<String> failed = rows.stream().filter(r -> r.mandatory() && r.verdict() == Verdict.FAIL)
                .map(r -> r.view().requirementId()).toList();
        if (!failed.isEmpty()) {
            throw new ConflictException("mandatory-requirement-failed", "Mandatory requirement failed",
                    "The declaration cannot state compliance: mandatory requirements failed: "
                            + String.join(", ", failed) + ". Reject the draft and rework them.");
        }
        assessment.approve(signatory, placeOfIssue, clock.instant());
    }

    @Override
    public void reject(UUID assessmentId) {
        find(assessmentId).requireInProgress("reject");
        requirements.findByAssessmentIdOrderByPosition(assessmentId).forEach(RequirementAssessment::reopen);
    }

    @Override
    public void markIssued(UUID assessmentId) {
        find(assessmentId).markIssued();
    }

    private Assessment find(UUID id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("Assessment", id));
    }

    private List<RequirementAssessment> principleRows(UUID assessmentId, String principle) {
        List<RequirementAssessment> rows = requirements.findByAssessmentIdAndPrincipleOrderByPosition(assessmentId,
                principle);
        if (rows.isEmpty()) {
            throw new NotFoundException("Principle", assessmentId + "/" + principle);
        }
        return rows;
    }
}
