package io.conformity.workflow;

import java.util.List;

import io.conformity.assessment.Verdict;

/**
 * The verdict the evidence suggests for one requirement (decision {@code ProvisionVerdict}), with its reason and the
 * codes of the findings behind it. The officer's verdict is what counts.
 */
public record Suggestion(Verdict verdict, String reason, List<String> findingCodes) {}
