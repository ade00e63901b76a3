package io.conformity.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * @param conformityRoute the CRA conformity route recorded (internal control for a default product when opened),
 *                        or null: outside the CRA regime, or not yet recorded
 * @param pstiExcepted the PSTI Schedule 3 classes the product type appears to fall in, each with the reason;
 *                     empty when PSTI is not in scope or nothing matched
 * @param supersedes   the issued declarations this assessment's declarations replace, as stated when it was opened
 * @param statements   per regime code, the standards and compliance routes its declaration states, as the regime
 *                     said when the assessment was opened (empty for assessments opened before they were recorded)
 * @param closedBy     who closed the assessment as not certifiable ({@code NOT_CERTIFIED}), when and why
 * @param conversation every decision and comment on its principles, oldest first; only in the view of one
 *                     assessment (lists leave it out)
 */
public record AssessmentView(
        UUID id,
        UUID releaseId,
        List<String> regimes,
        String en303645Version,
        AssessmentStatus status,
        String openedBy,
        Instant openedAt,
        String approvedBy,
        Instant approvedAt,
        String placeOfIssue,
        List<ExceptedFlag> pstiExcepted,
        List<UUID> supersedes,
        List<RequirementAssessmentView> requirements,
        ConformityRoute conformityRoute,
        String conformityRouteRecordedBy,
        Instant conformityRouteRecordedAt,
        Map<String, RegimeStatement> statements,
        String closedBy,
        Instant closedAt,
        String closureReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ConversationEntry> conversation) {

    public AssessmentView withConversation(List<ConversationEntry> entries) {
        return new AssessmentView(
                id,
                releaseId,
                regimes,
                en303645Version,
                status,
                openedBy,
                openedAt,
                approvedBy,
                approvedAt,
                placeOfIssue,
                pstiExcepted,
                supersedes,
                requirements,
                conformityRoute,
                conformityRouteRecordedBy,
                conformityRouteRecordedAt,
                statements,
                closedBy,
                closedAt,
                closureReason,
                List.copyOf(entries));
    }

    /** The regime whose declaration is issued: PSTI when in scope, else the first one chosen. */
    public String declarationRegime() {
        return regimes.contains("PSTI") ? "PSTI" : regimes.get(0);
    }

    /** A product type that looks like a Schedule 3 excepted product. */
    public record ExceptedFlag(String id, String title, String reason) {}
}
