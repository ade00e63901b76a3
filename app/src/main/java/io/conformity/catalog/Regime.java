package io.conformity.catalog;

import java.util.List;

/**
 * A regulatory regime an assessment is opened under: which framework requirements it brings into scope, and
 * what its declaration states about the route to compliance.
 *
 * @param code            stable code, e.g. {@code PSTI}, {@code EN303645}, {@code CRA}
 * @param versions        the EN 303 645 versions a user may choose from (empty when the regime fixes them)
 * @param includes        the requirements it brings into scope
 * @param standards       the standards its declaration names with number, version and date
 * @param complianceBases each legal requirement and the route by which it is met
 */
public record Regime(
        String code,
        String name,
        String legalBasis,
        List<String> versions,
        List<Include> includes,
        List<Framework> standards,
        List<ComplianceBasis> complianceBases) {

    /** Stands for the version the user chose when opening the assessment. */
    public static final String CHOSEN_VERSION = "chosen";

    public Regime {
        versions = List.copyOf(versions);
        includes = List.copyOf(includes);
        standards = List.copyOf(standards);
        complianceBases = List.copyOf(complianceBases);
    }

    /**
     * Requirements of one framework version: all of them, or the listed ids.
     *
     * @param mandatory whether a FAIL forbids the declaration: always, never, or as the ICS status says (M)
     */
    public record Include(String frameworkUrn, String version, List<String> ids, Mandatory mandatory) {
        public Include {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    public enum Mandatory {
        ALWAYS,
        NEVER,
        STATUS
    }

    /** E.g. "Schedule 1, paragraph 1 (passwords)" met via "Schedule 2, paragraph 1: EN 303 645 5.1-1 and 5.1-2". */
    public record ComplianceBasis(String requirement, String route) {}
}
