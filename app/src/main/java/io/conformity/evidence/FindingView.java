package io.conformity.evidence;

import java.util.List;
import java.util.UUID;

/**
 * A finding of an analysis, with the requirement assessments of the assessment it bears on.
 *
 * @param location   where in the file: a port, a line, a JSON Pointer
 * @param principles the principles of the requirements it bears on (the principle of the evidence when none of its
 *                   provisions is in scope)
 */
public record FindingView(
        UUID id,
        UUID evidenceId,
        String fileName,
        String code,
        Severity severity,
        List<Provision> provisions,
        String message,
        String location,
        List<String> principles,
        List<UUID> requirementAssessmentIds) {}
