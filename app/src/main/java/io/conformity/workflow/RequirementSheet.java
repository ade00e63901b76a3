package io.conformity.workflow;

import java.util.List;

import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.evidence.EvidenceView;
import io.conformity.evidence.FindingView;

/** One requirement of a task's principle as the reviewer sees it: evidence, findings and the suggested verdict. */
public record RequirementSheet(
        RequirementAssessmentView requirement,
        List<EvidenceView> evidence,
        List<FindingView> findings,
        Suggestion suggestion) {}
