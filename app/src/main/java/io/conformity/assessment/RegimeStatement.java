package io.conformity.assessment;

import java.util.List;

/**
 * What a regime's declaration states about the route to compliance, copied from the regime when the assessment was
 * opened: the declaration states what was assessed, whatever version of the regime is loaded when it is issued.
 *
 * @param standards       the standards the declaration names, with number, version and date of issue
 * @param complianceBases each legal requirement and how it is met
 */
public record RegimeStatement(List<Standard> standards, List<Basis> complianceBases) {

    public RegimeStatement {
        standards = List.copyOf(standards);
        complianceBases = List.copyOf(complianceBases);
    }

    public record Standard(String number, String version, String dateOfIssue) {}

    public record Basis(String requirement, String route) {}
}
