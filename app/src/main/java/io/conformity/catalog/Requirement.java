package io.conformity.catalog;

import java.util.List;

/**
 * One requirement of a framework version, read-only catalog data.
 *
 * @param frameworkUrn     the framework's URN, e.g. {@code urn:etsi:en:303645}
 * @param frameworkVersion e.g. {@code V2.1.1}
 * @param id               the requirement's id within the framework, e.g. {@code 5.1-1}
 * @param group            the clause or guideline it belongs to, e.g. {@code 5.1}
 * @param status           the ICS status where the framework has one ({@code M}, {@code M C (1)}, …), else null
 * @param title            a short title, our words
 * @param text             a one-line paraphrase, our words
 * @param deemedCompliance the routes by which the requirement is deemed met (PSTI Schedule 2), else empty
 */
public record Requirement(
        String frameworkUrn,
        String frameworkVersion,
        String id,
        String group,
        String status,
        String title,
        String text,
        List<Route> deemedCompliance) {

    public Requirement {
        deemedCompliance = deemedCompliance == null ? List.of() : List.copyOf(deemedCompliance);
    }

    public RequirementRef ref() {
        return new RequirementRef(frameworkUrn, frameworkVersion, id);
    }

    /** The parsed status; requirements without an ICS status count as unconditional and mandatory. */
    public ProvisionStatus provisionStatus() {
        return status == null
                ? new ProvisionStatus(true, List.of(), List.of())
                : ProvisionStatus.parse(status).orElseThrow();
    }

    /** A deemed-compliance route: the provisions (or an external standard's clauses) that satisfy it. */
    public record Route(
            String id, String description, List<RequirementRef> requires, String standard, List<String> clauses) {
        public Route {
            requires = List.copyOf(requires);
            clauses = clauses == null ? List.of() : List.copyOf(clauses);
        }
    }
}
