package io.conformity.catalog;

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
 */
public record Requirement(String frameworkUrn, String frameworkVersion, String id, String group, String status,
        String title, String text) {

    public RequirementRef ref() {
        return new RequirementRef(frameworkUrn, frameworkVersion, id);
    }
}
