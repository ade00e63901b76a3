package io.conformity.workflow.internal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.Verdict;
import io.conformity.evidence.FindingView;
import io.conformity.evidence.RequirementEvidence;
import io.conformity.evidence.Severity;
import io.conformity.workflow.Suggestion;

/** Evaluates the decision {@code ProvisionVerdict} ({@code workflows/ProvisionVerdict.dmn}) for one requirement. */
@Component
class ProvisionVerdicts {

    static final String DECISION_KEY = "ProvisionVerdict";

    private final DecisionService decisions;

    ProvisionVerdicts(DecisionService decisions) {
        this.decisions = decisions;
    }

    Suggestion suggest(RequirementAssessmentView requirement, RequirementEvidence evidence) {
        int highest = evidence.highestSeverity().map(Severity::ordinal).orElse(-1);
        DmnDecisionResult result = decisions
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of(
                        "highestSeverityRank",
                        highest,
                        "evidenceCount",
                        evidence.evidence().size(),
                        "noEvidenceStatement",
                        requirement.noEvidenceStatement() != null))
                .evaluate();
        DmnDecisionResultEntries entries = result.getSingleResult();
        // Only the findings that weigh: what a reviewer must look at before passing the requirement.
        List<String> codes = evidence.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.MEDIUM))
                .map(FindingView::code)
                .distinct()
                .toList();
        return new Suggestion(Verdict.valueOf(entries.getEntry("verdict")), entries.getEntry("reason"), codes);
    }
}
