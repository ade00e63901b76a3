package io.conformity.assessment.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.identity.IdentityApi;

@RestController
@RequestMapping("/api/v1")
class AssessmentController {

    private final AssessmentApi assessments;
    private final IdentityApi identity;

    AssessmentController(AssessmentApi assessments, IdentityApi identity) {
        this.assessments = assessments;
        this.identity = identity;
    }

    @PostMapping("/assessments")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    ResponseEntity<AssessmentView> open(@RequestBody OpenAssessmentCommand command) {
        AssessmentView opened = assessments.open(command, identity.currentUser().username());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + opened.id())).body(opened);
    }

    @GetMapping("/assessments/{id}")
    AssessmentView assessment(@PathVariable UUID id) {
        return assessments.assessment(id);
    }

    @GetMapping("/requirement-assessments/{id}")
    RequirementAssessmentView requirement(@PathVariable UUID id) {
        return assessments.requirement(id);
    }
}
