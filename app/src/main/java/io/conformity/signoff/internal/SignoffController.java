package io.conformity.signoff.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;

@RestController
class SignoffController {

    private final SignoffApi signoffs;

    SignoffController(SignoffApi signoffs) {
        this.signoffs = signoffs;
    }

    /** Every decision on the assessment, oldest first, with the evidence hashes each covered. */
    @GetMapping("/api/v1/assessments/{id}/signoffs")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    List<SignoffView> ofAssessment(@PathVariable UUID id) {
        return signoffs.ofAssessment(id);
    }
}
