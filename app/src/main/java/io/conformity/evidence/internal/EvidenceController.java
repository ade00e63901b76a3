package io.conformity.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.assessment.AssessmentApi;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceContent;
import io.conformity.evidence.EvidenceView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ProblemResponses;

@RestController
@RequestMapping("/api/v1")
class EvidenceController {

    private final EvidenceApi evidence;
    private final IdentityApi identity;
    private final AssessmentApi assessments;

    EvidenceController(EvidenceApi evidence, IdentityApi identity, AssessmentApi assessments) {
        this.evidence = evidence;
        this.identity = identity;
        this.assessments = assessments;
    }

    /** The servlet container spools the part to disk; it is streamed from there into the store. */
    @PostMapping(path = "/requirement-assessments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ENGINEER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses(ProblemType.EVIDENCE_CLOSED)
    ResponseEntity<EvidenceView> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            EvidenceView stored = evidence.upload(
                    id,
                    file.getOriginalFilename(),
                    file.getContentType(),
                    in,
                    identity.currentUser().username());
            return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/api/v1/evidence/{id}")
                            .buildAndExpand(stored.id())
                            .toUri())
                    .body(stored);
        }
    }

    @GetMapping("/requirement-assessments/{id}/evidence")
    List<EvidenceView> ofRequirement(@PathVariable UUID id) {
        return evidence.ofRequirement(id);
    }

    /**
     * The evidence of an assessment, or of one principle: evidence uploaded for one framework's requirement serves
     * every requirement of its cross-walk topic, so reviewers look at it per principle.
     */
    @GetMapping("/assessments/{assessmentId}/evidence")
    List<EvidenceView> ofAssessment(@PathVariable UUID assessmentId, @RequestParam(required = false) String principle) {
        assessments.requireExists(assessmentId);
        return evidence.ofAssessment(assessmentId).stream()
                .filter(e -> principle == null || principle.equals(e.principle()))
                .toList();
    }

    @GetMapping("/evidence/{id}")
    EvidenceView evidence(@PathVariable UUID id) {
        return evidence.evidence(id);
    }

    @GetMapping("/evidence/{id}/content")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    ResponseEntity<InputStreamResource> content(@PathVariable UUID id) {
        EvidenceContent content = evidence.open(id);
        EvidenceView view = content.evidence();
        return ResponseEntity.ok()
                // Served as an attachment of a neutral type so that an uploaded HTML file never renders here.
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(view.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(view.fileName())
                                .build()
                                .toString())
                .header("X-Content-SHA256", view.sha256())
                .body(new InputStreamResource(content.stream()));
    }
}
