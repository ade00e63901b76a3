package io.conformity.signoff;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** The same person may not hold two roles of one decision chain. */
public class SeparationOfDutiesException extends ProblemException {

    public SeparationOfDutiesException(String detail) {
        super(ProblemType.SEPARATION_OF_DUTIES, detail);
    }
}
