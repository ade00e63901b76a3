package io.conformity.declaration.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationView;

@RestController
@RequestMapping("/api/v1")
class DeclarationController {

    private final DeclarationApi declarations;

    DeclarationController(DeclarationApi declarations) {
        this.declarations = declarations;
    }

    @GetMapping("/assessments/{assessmentId}/declaration")
    DeclarationView ofAssessment(@PathVariable UUID assessmentId) {
        return declarations.ofAssessment(assessmentId);
    }

    /** Every declaration of the assessment: one per regime in scope. */
    @GetMapping("/assessments/{assessmentId}/declarations")
    List<DeclarationView> allOfAssessment(@PathVariable UUID assessmentId) {
        return declarations.allOfAssessment(assessmentId);
    }

    @GetMapping("/declarations/{id}")
    DeclarationView declaration(@PathVariable UUID id) {
        return declarations.declaration(id);
    }

    @GetMapping("/declarations/{id}/pdf")
    ResponseEntity<InputStreamResource> pdf(@PathVariable UUID id) {
        DeclarationView declaration = declarations.declaration(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(declaration.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("declaration-" + id + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-SHA256", declaration.sha256())
                .body(new InputStreamResource(declarations.pdf(id)));
    }
}
