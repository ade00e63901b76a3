package io.conformity.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.evidence.ComponentView;
import io.conformity.evidence.DeclarationKindView;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceContent;
import io.conformity.evidence.EvidenceView;
import io.conformity.evidence.FindingView;
import io.conformity.evidence.Severity;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/v1")
class EvidenceController {

    private final EvidenceApi evidence;
    private final IdentityApi identity;

    EvidenceController(EvidenceApi evidence, IdentityApi identity) {
        this.evidence = evidence;
        this.identity = identity;
    }

    /** For browsers. The servlet container spools the part to disk; it is streamed from there into the store. */
    @PostMapping(path = "/requirement-assessments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ENGINEER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses({
        ProblemType.EVIDENCE_CLOSED,
        ProblemType.EVIDENCE_REJECTED,
        ProblemType.PAYLOAD_TOO_LARGE,
        ProblemType.CONCURRENT_UPDATE
    })
    ResponseEntity<EvidenceView> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return created(evidence.upload(
                    id, file.getOriginalFilename(), in, identity.currentUser().username()));
        }
    }

    /** A structured declaration, validated against the JSON Schema of its kind. */
    @PostMapping(
            path = "/requirement-assessments/{id}/declarations/{kind}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENGINEER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses({ProblemType.EVIDENCE_CLOSED, ProblemType.CONCURRENT_UPDATE})
    ResponseEntity<EvidenceView> declare(
            @PathVariable UUID id, @PathVariable String kind, @RequestBody byte[] document) {
        return created(
                evidence.declare(id, kind, document, identity.currentUser().username()));
    }

    static ResponseEntity<EvidenceView> created(EvidenceView stored) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/evidence/{id}")
                        .buildAndExpand(stored.id())
                        .toUri())
                .body(stored);
    }

    @GetMapping("/declaration-kinds")
    List<DeclarationKindView> declarationKinds() {
        return evidence.declarationKinds();
    }

    @GetMapping(path = "/declaration-kinds/{kind}/schema", produces = "application/schema+json")
    String declarationSchema(@PathVariable String kind) {
        return evidence.declarationSchema(kind);
    }

    @GetMapping("/requirement-assessments/{id}/evidence")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    List<EvidenceView> ofRequirement(@PathVariable UUID id) {
        return evidence.ofRequirement(id);
    }

    /**
     * The evidence of an assessment, or of one principle: evidence uploaded for one framework's requirement serves
     * every requirement of its cross-walk topic, so reviewers look at it per principle.
     */
    @GetMapping("/assessments/{assessmentId}/evidence")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    List<EvidenceView> ofAssessment(
            @PathVariable UUID assessmentId,
            @RequestParam(required = false) String principle,
            @Parameter(description = "Only documents whose extracted text contains this, in any case")
                    @RequestParam(required = false)
                    String text) {
        return evidence.ofAssessment(assessmentId, principle, text);
    }

    @GetMapping("/assessments/{assessmentId}/findings")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    PagedModel<FindingView> findings(
            @PathVariable UUID assessmentId,
            @ListQuery(sortable = "severity", defaultSort = "severity,desc") FindingQuery query) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        if (query.severity() != null) {
            severities.add(query.severity());
        } else if (query.minSeverity() != null) {
            for (Severity s : Severity.values()) {
                if (s.atLeast(query.minSeverity())) {
                    severities.add(s);
                }
            }
        }
        return new PagedModel<>(evidence.findings(assessmentId, query.principle(), severities, query.pageable()));
    }

    record FindingQuery(
            @Parameter(description = "Only findings bearing on a requirement of this principle")
            String principle,

            @Parameter(description = "Only findings of this severity")
            Severity severity,

            @Parameter(description = "Only findings of this severity or above")
            Severity minSeverity,

            Pageable pageable) {}

    @GetMapping("/assessments/{assessmentId}/components")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    PagedModel<ComponentView> components(
            @PathVariable UUID assessmentId, @ListQuery(sortable = "name", defaultSort = "name") Pageable pageable) {
        return new PagedModel<>(evidence.components(assessmentId, pageable));
    }

    @GetMapping("/evidence/{id}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    EvidenceView evidence(@PathVariable UUID id) {
        return evidence.evidence(id);
    }

    /**
     * The stored bytes, served as an attachment of a neutral type (an uploaded HTML file never renders here) and
     * re-hashed while they stream: damaged bytes end the response with an error instead of being served as
     * evidence.
     */
    @GetMapping("/evidence/{id}/content")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    ResponseEntity<InputStreamResource> content(@PathVariable UUID id) {
        EvidenceContent content = evidence.open(id);
        EvidenceView view = content.evidence();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(view.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(view.fileName()))
                .header("X-Content-SHA256", view.sha256())
                .body(new InputStreamResource(content.stream()));
    }
}
