package io.conformity.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.BodyLimit;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Uploads from CI pipelines: the request body is the file ({@code curl -T report.json …/evidence/report.json}),
 * streamed once into the store while it is hashed, with no multipart envelope for the container to spool first.
 */
@RestController
class PipelineUploadController {

    private final EvidenceApi evidence;
    private final IdentityApi identity;

    PipelineUploadController(EvidenceApi evidence, IdentityApi identity) {
        this.evidence = evidence;
        this.identity = identity;
    }

    @PutMapping("/api/v1/requirement-assessments/{id}/evidence/{fileName}")
    @PreAuthorize("hasRole('ENGINEER')")
    @ResponseStatus(HttpStatus.CREATED)
    @BodyLimit("${conformity.evidence.max-upload-size}")
    @ProblemResponses({
        ProblemType.EVIDENCE_CLOSED,
        ProblemType.EVIDENCE_REJECTED,
        ProblemType.PAYLOAD_TOO_LARGE,
        ProblemType.CONCURRENT_UPDATE
    })
    @Operation(
            summary = "Upload one evidence file as the raw request body",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<EvidenceView> upload(
            @PathVariable UUID id, @PathVariable String fileName, HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return EvidenceController.created(
                    evidence.upload(id, fileName, in, identity.currentUser().username()));
        }
    }
}
