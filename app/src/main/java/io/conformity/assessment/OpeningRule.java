package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

/**
 * A rule another module holds over opening an assessment, checked before anything is created. The declaration
 * register implements it (an issued statement must be superseded explicitly): the register depends on this module,
 * so this module asks through an interface of its own rather than depending back.
 */
public interface OpeningRule {

    /**
     * @param regimes    the regime codes chosen, as the catalog spells them
     * @param supersedes the declarations the request states it supersedes, possibly empty
     * @throws io.conformity.problem.ProblemException when the assessment may not be opened
     */
    void check(UUID releaseId, List<String> regimes, List<UUID> supersedes);
}
