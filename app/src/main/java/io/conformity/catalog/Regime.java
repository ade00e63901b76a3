package io.conformity.catalog;

import java.util.List;

/**
 * A regulatory regime an assessment is opened under: the principles in scope, the requirements under each, and
 * what the declaration states about the route to compliance.
 *
 * @param code             stable code, e.g. {@code PSTI}
 * @param name             human name
 * @param legalBasis       the law the declaration is made under
 * @param principles       principles in scope, in order; the workflow runs one branch per principle
 * @param standards        the standards the declaration names with number, version and date
 * @param complianceBases  each legal requirement and the route by which it is met
 */
public record Regime(String code, String name, String legalBasis, List<Principle> principles,
        List<Framework> standards, List<ComplianceBasis> complianceBases) {

    public Regime {
        principles = List.copyOf(principles);
        standards = List.copyOf(standards);
        complianceBases = List.copyOf(complianceBases);
    }

    /** A principle (UK CoP guideline) and the requirements assessed under it. */
    public record Principle(String code, String title, List<ScopedRequirement> requirements) {
        public Principle {
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * A requirement in scope of a regime. {@code mandatory} marks those the legal statement rests on: a FAIL on
     * one of them forbids approving the declaration.
     */
    public record ScopedRequirement(Requirement requirement, boolean mandatory) {
    }

    /** E.g. "Schedule 1, paragraph 1 (passwords)" met via "Schedule 2, paragraph 1: EN 303 645 5.1-1 and 5.1-2". */
    public record ComplianceBasis(String requirement, String route) {
    }
}
