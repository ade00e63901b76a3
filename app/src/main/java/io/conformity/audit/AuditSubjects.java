package io.conformity.audit;

import java.util.Optional;

/**
 * Whether the current caller may read a subject's history. Implemented by the modules that own subjects (an
 * assessment, a product), which publish audit events themselves and so cannot be dependencies of this one.
 */
public interface AuditSubjects {

    /** Empty when the id names none of this module's subjects; else whether the caller may read its history. */
    Optional<Boolean> readable(String subjectId);
}
