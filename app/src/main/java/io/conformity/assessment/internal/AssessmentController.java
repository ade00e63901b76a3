package io.conformity.assessment.internal;

import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.NoEvidenceStatementCommand;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.assessment.PrincipleConversation;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1")
class AssessmentController {

    private final AssessmentApi assessments;
    private final IdentityApi identity;
    private final PrincipleConversation conversation;

    AssessmentController(AssessmentApi assessments, IdentityApi identity, PrincipleConversation conversation) {
        this.assessments = assessments;
        this.identity = identity;
        this.conversation = conversation;
    }

    @PostMapping("/assessments")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses({
        ProblemType.PROFILE_MISSING,
        ProblemType.UNKNOWN_REGIME,
        ProblemType.INVALID_SCOPE,
        ProblemType.DECLARATION_EXISTS,
        ProblemType.DECLARATION_STATE,
        ProblemType.ASSESSMENT_OPEN,
        ProblemType.SUPPORT_PERIOD_ENDED
    })
    ResponseEntity<AssessmentView> open(@RequestBody OpenAssessmentCommand command) {
        AssessmentView opened = assessments.open(command, identity.currentUser().username());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQuery(null)
                        .path("/{id}")
                        .buildAndExpand(opened.id())
                        .toUri())
                .body(opened);
    }

    @GetMapping("/assessments")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    PagedModel<AssessmentView> assessments(
            @ListQuery(
                            sortable = {"openedAt", "status"},
                            defaultSort = "openedAt,desc")
                    AssessmentQuery query) {
        return new PagedModel<>(assessments.assessments(query.productId(), query.status(), query.pageable()));
    }

    record AssessmentQuery(
            @Parameter(description = "Only assessments of a release of this product")
            UUID productId,

            @Parameter(description = "Only assessments in this status")
            AssessmentStatus status,

            Pageable pageable) {}

    @GetMapping("/assessments/{id}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    AssessmentView assessment(@PathVariable UUID id) {
        // Read once the caller may read the assessment, which assessment(id) checks.
        AssessmentView view = assessments.assessment(id);
        return view.withConversation(conversation.of(id));
    }

    /**
     * The officer records how the CRA assessment shows conformity (CRA Article 32): the procedure, the standards,
     * specifications or certifications applied, and the notified body and its certificate where the procedure has
     * one. An assessment of a default product starts with internal control (module A).
     */
    @PutMapping("/assessments/{id}/conformity-route")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ProblemResponses({
        ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED,
        ProblemType.ASSESSMENT_STATE,
        ProblemType.CONCURRENT_UPDATE
    })
    AssessmentView recordConformityRoute(@PathVariable UUID id, @RequestBody ConformityRoute route) {
        return assessments.recordConformityRoute(
                id, route, identity.currentUser().username());
    }

    @GetMapping("/requirement-assessments/{id}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    RequirementAssessmentView requirement(@PathVariable UUID id) {
        return assessments.requirement(id);
    }

    /**
     * The engineer states why a requirement has no evidence: a principle is submitted only when each applicable
     * requirement has evidence or such a statement.
     */
    @PutMapping("/requirement-assessments/{id}/no-evidence-statement")
    @PreAuthorize("hasRole('ENGINEER')")
    @ProblemResponses({
        ProblemType.EVIDENCE_CLOSED,
        ProblemType.NOT_APPLICABLE,
        ProblemType.ASSESSMENT_STATE,
        ProblemType.CONCURRENT_UPDATE
    })
    RequirementAssessmentView stateNoEvidence(
            @PathVariable UUID id, @Valid @RequestBody NoEvidenceStatementCommand command) {
        return assessments.stateNoEvidence(
                id, command.statement().strip(), identity.currentUser().username());
    }

    @DeleteMapping("/requirement-assessments/{id}/no-evidence-statement")
    @PreAuthorize("hasRole('ENGINEER')")
    @ProblemResponses({
        ProblemType.EVIDENCE_CLOSED,
        ProblemType.NOT_APPLICABLE,
        ProblemType.ASSESSMENT_STATE,
        ProblemType.CONCURRENT_UPDATE
    })
    RequirementAssessmentView withdrawNoEvidence(@PathVariable UUID id) {
        return assessments.stateNoEvidence(id, null, identity.currentUser().username());
    }
}
