package io.conformity.declaration.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.RegisterEntry;
import io.conformity.declaration.WithdrawCommand;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/v1")
class DeclarationController {

    private final DeclarationApi declarations;
    private final IdentityApi identity;
    private final RegisterLinks links;

    DeclarationController(DeclarationApi declarations, IdentityApi identity, RegisterLinks links) {
        this.declarations = declarations;
        this.identity = identity;
        this.links = links;
    }

    @GetMapping("/assessments/{assessmentId}/declaration")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    DeclarationView ofAssessment(@PathVariable UUID assessmentId) {
        return declarations.ofAssessment(assessmentId);
    }

    /** Every declaration of the assessment: one per regime in scope. */
    @GetMapping("/assessments/{assessmentId}/declarations")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    List<DeclarationView> allOfAssessment(@PathVariable UUID assessmentId) {
        return declarations.allOfAssessment(assessmentId);
    }

    @GetMapping("/declarations/{id}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN', 'REGULATOR')")
    DeclarationView declaration(@PathVariable UUID id) {
        return declarations.declaration(id);
    }

    @GetMapping("/declarations/{id}/pdf")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN', 'REGULATOR')")
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

    /** The manufacturer no longer stands by the statement: recorded with who, when and why, and final. */
    @PostMapping("/declarations/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'SIGNATORY')")
    @ProblemResponses(ProblemType.DECLARATION_STATE)
    DeclarationView withdraw(@PathVariable UUID id, @RequestBody WithdrawCommand command) {
        return declarations.withdraw(id, command, identity.currentUser().username());
    }

    /** Only once the retention period (PSTI regulations 8 and 9) is over; the file is released with the entry. */
    @DeleteMapping("/declarations/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses(ProblemType.DECLARATION_RETAINED)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        declarations.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The register for market surveillance: every issued statement, current or not, with its file. */
    @GetMapping("/register")
    @PreAuthorize("hasAnyRole('REGULATOR', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    PagedModel<RegisterEntry> register(
            @ListQuery(
                            sortable = {"issuedAt", "manufacturer", "modelDesignation", "status"},
                            defaultSort = "issuedAt,desc")
                    RegisterQuery query) {
        return new PagedModel<>(declarations
                .register(
                        new DeclarationApi.RegisterFilter(
                                query.manufacturer(), query.model(), query.status(), query.regime()),
                        query.pageable())
                .map(links::entry));
    }

    record RegisterQuery(
            @Parameter(description = "Text in the manufacturer's name, in any case")
            String manufacturer,

            @Parameter(description = "Text in the model designation, in any case")
            String model,

            @Parameter(description = "Only statements in this status")
            DeclarationStatus status,

            @Parameter(description = "Only statements under this regime, e.g. PSTI")
            String regime,

            Pageable pageable) {}
}
