package io.conformity.assessment.ics;

import java.util.Objects;

/**
 * One row of EN 303 645 Annex B Table B.1.
 *
 * <p>Provision and status are stripped of surrounding whitespace and a missing detail becomes "", because both
 * readers do the same and a statement must equal itself after a write and a read.
 */
public record IcsRow(String provision, String status, Support support, String detail) {

    public IcsRow {
        provision = Objects.requireNonNull(provision, "provision").strip();
        status = Objects.requireNonNull(status, "status").strip();
        Objects.requireNonNull(support, "support");
        detail = detail == null ? "" : detail;
    }
}
