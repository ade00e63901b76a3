package io.conformity.assessment.ics;

import java.util.List;
import java.util.Objects;

/**
 * A filled-in Implementation Conformance Statement for one framework version, e.g. "ETSI EN 303 645" "V3.1.3".
 * The version travels with the statement because statuses and provision numbers differ between V2 and V3.
 */
public record IcsStatement(String framework, String version, List<IcsRow> rows) {

    public IcsStatement {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(version, "version");
        rows = List.copyOf(rows);
    }
}
