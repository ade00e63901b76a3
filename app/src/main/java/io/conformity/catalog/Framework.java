package io.conformity.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A framework version as loaded from {@code evidence-schema/frameworks/}. A loaded version is never edited: a
 * changed text is a new version with its own file (start-up refuses a file whose content changed under the
 * same version; see {@code catalog_fingerprint}).
 *
 * @param conditions numbered conditions of the ICS (EN 303 645), else empty
 * @param features   lettered features of the ICS (EN 303 645 V3), else empty
 * @param sha256     the fingerprint of the file this version was read from
 */
public record Framework(
        String urn,
        String version,
        String reference,
        String title,
        String dateOfIssue,
        String publisher,
        List<Condition> conditions,
        List<Condition> features,
        List<Group> groups,
        List<Requirement> requirements,
        List<ExceptedClass> exceptedProducts,
        String sha256) {

    public Framework {
        conditions = List.copyOf(conditions);
        features = List.copyOf(features);
        groups = List.copyOf(groups);
        requirements = List.copyOf(requirements);
        exceptedProducts = List.copyOf(exceptedProducts);
    }

    /** How a declaration cites it, e.g. "ETSI EN 303 645 V2.1.1 (2020-06)". */
    public String citation() {
        return reference + " " + version + " (" + dateOfIssue + ")";
    }

    public Optional<Requirement> requirement(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A numbered condition or lettered feature; {@code complementOf} names the one it negates, if any. */
    public record Condition(String id, String text, String complementOf) {}

    public record Group(String id, String title) {}

    /** A PSTI Schedule 3 class of excepted products, with the words that suggest a product type is in it. */
    public record ExceptedClass(String id, String title, String text, String note, List<String> keywords) {
        public ExceptedClass {
            keywords = List.copyOf(keywords);
        }
    }
}
