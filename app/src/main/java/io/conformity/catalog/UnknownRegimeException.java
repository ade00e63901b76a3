package io.conformity.catalog;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** A regime code that the catalog does not know. */
public class UnknownRegimeException extends ProblemException {

    public UnknownRegimeException(String code) {
        super(
                ProblemType.UNKNOWN_REGIME,
                "Unknown regime '" + code + "'. Known regimes are listed at /api/v1/catalog/regimes.");
    }
}
