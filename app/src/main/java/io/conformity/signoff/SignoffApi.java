package io.conformity.signoff;

import java.util.List;
import java.util.UUID;

/**
 * Records decisions with the evidence they covered and enforces separation of duties: whoever uploaded
 * evidence for a principle cannot accept it, and whoever reviewed cannot approve the declaration.
 */
public interface SignoffApi {

    SignoffView record(UUID assessmentId, String principle, Decision decision, String actor, String role,
            String comment);

    List<SignoffView> ofAssessment(UUID assessmentId);
}
