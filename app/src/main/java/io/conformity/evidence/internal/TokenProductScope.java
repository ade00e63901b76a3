package io.conformity.evidence.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductApi;

/**
 * An evidence-upload API token is bound to one product: uploads with it go to that product's assessments only.
 * Checked before the upload is read. (Product membership, when it comes, is checked besides this.)
 */
@Component
class TokenProductScope {

    private final IdentityApi identity;
    private final AssessmentApi assessments;
    private final ProductApi products;

    TokenProductScope(IdentityApi identity, AssessmentApi assessments, ProductApi products) {
        this.identity = identity;
        this.assessments = assessments;
        this.products = products;
    }

    void requireUploadAllowed(UUID requirementAssessmentId) {
        UUID assessmentId = assessments.requirement(requirementAssessmentId).assessmentId();
        UUID productId = products.releaseDetails(
                        assessments.assessment(assessmentId).releaseId())
                .product()
                .id();
        if (!identity.currentUser().mayActOnProduct(productId.toString())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "This API token is bound to another product; nothing was stored.");
        }
    }
}
