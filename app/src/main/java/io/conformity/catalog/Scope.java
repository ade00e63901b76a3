package io.conformity.catalog;

import java.util.List;

/**
 * The requirements of one or more regimes, de-duplicated, each with its principle (cross-walk topic), in the
 * order the principles and the frameworks list them.
 */
public record Scope(
        List<String> regimes,
        String en303645Version,
        List<Principle> principles,
        List<ScopedRequirement> requirements) {

    public Scope {
        regimes = List.copyOf(regimes);
        principles = List.copyOf(principles);
        requirements = List.copyOf(requirements);
    }

    public record Principle(String code, String title) {}

    /**
     * @param mandatory true for the requirements a declaration rests on: a FAIL on one forbids approval
     */
    /** @param regimes the codes of the regimes that bring the requirement into scope, in the order chosen */
    public record ScopedRequirement(
            Requirement requirement, String principle, boolean mandatory, List<String> regimes) {
        public ScopedRequirement {
            regimes = List.copyOf(regimes);
        }
    }
}
