package io.conformity.declaration;

import java.io.InputStream;
import java.util.UUID;

/** Issues declarations from approved assessments and keeps the register of issued files. */
public interface DeclarationApi {

    /** Renders, stores and registers the declaration of an approved assessment. */
    DeclarationView issue(UUID assessmentId);

    DeclarationView declaration(UUID id);

    DeclarationView ofAssessment(UUID assessmentId);

    /** The issued PDF; the caller closes the stream. */
    InputStream pdf(UUID id);
}
