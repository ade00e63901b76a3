package io.conformity.catalog;

import java.util.Objects;

/** Addresses one requirement of one framework version. */
public record RequirementRef(String frameworkUrn, String frameworkVersion, String id) {

    public RequirementRef {
        Objects.requireNonNull(frameworkUrn, "frameworkUrn");
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return frameworkUrn + ":" + frameworkVersion + "#" + id;
    }
}
