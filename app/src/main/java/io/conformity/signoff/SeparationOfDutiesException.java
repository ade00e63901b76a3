package io.conformity.signoff;

import org.springframework.http.HttpStatus;

import io.conformity.problem.ProblemException;

/** The same person may not hold two roles of one decision chain. */
public class SeparationOfDutiesException extends ProblemException {

    public SeparationOfDutiesException(String detail) {
        super(HttpStatus.FORBIDDEN, "separation-of-duties", "Separation of duties", detail);
    }
}
