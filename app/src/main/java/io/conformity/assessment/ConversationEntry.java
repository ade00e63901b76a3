package io.conformity.assessment;

import java.time.Instant;

/**
 * One turn in the conversation on a principle: a decision (submission, send-back, acceptance, the signatory's
 * rejection or approval) with its comment, or a comment on its own. Decisions on the whole assessment (the scope
 * confirmation, the approval, a closure) have no principle and show in every principle's conversation.
 *
 * @param principle null for a decision on the whole assessment
 * @param kind      the decision ({@code SCOPE_CONFIRMED}, {@code SUBMITTED}, {@code SENT_BACK}, {@code ACCEPTED},
 *                  {@code REJECTED}, {@code APPROVED}, {@code CLOSED}) or {@code COMMENT}
 * @param voidReason set when an acceptance became void because the evidence it covered changed
 */
public record ConversationEntry(
        String principle,
        String kind,
        String actor,
        String role,
        String comment,
        Instant at,
        Instant voidedAt,
        String voidReason) {}
