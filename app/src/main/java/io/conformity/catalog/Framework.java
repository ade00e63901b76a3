package io.conformity.catalog;

import java.util.List;

/**
 * A framework version as loaded from {@code evidence-schema/frameworks/}. A loaded version is never edited: a
 * changed text is a new version with its own file.
 */
public record Framework(String urn, String version, String reference, String dateOfIssue, String publisher,
        List<Requirement> requirements) {

    public Framework {
        requirements = List.copyOf(requirements);
    }

    /** How a declaration cites it, e.g. "ETSI EN 303 645 V2.1.1 (2020-06)". */
    public String citation() {
        return reference + " " + version + " (" + dateOfIssue + ")";
    }
}
