package io.conformity.declaration;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** Issues declarations from approved assessments and keeps the register of issued files. */
public interface DeclarationApi {

    /**
     * Renders, stores and registers the declarations of an approved assessment: one per regime in scope (the PSTI
     * Statement of Compliance, the EU Declaration of Conformity, the EN 303 645 statement).
     */
    List<DeclarationView> issue(UUID assessmentId);

    DeclarationView declaration(UUID id);

    /** The declaration of the assessment's leading regime (PSTI when in scope, else the first chosen). */
    DeclarationView ofAssessment(UUID assessmentId);

    List<DeclarationView> allOfAssessment(UUID assessmentId);

    /** The issued PDF; the caller closes the stream. */
    InputStream pdf(UUID id);
}
