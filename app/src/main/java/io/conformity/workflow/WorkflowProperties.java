package io.conformity.workflow;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param issuanceRetryCycle how often, and how far apart, the engine tries to issue a declaration before it raises
 *     an incident for an administrator: an ISO 8601 repeating interval ({@code R3/PT1M}: three attempts a minute
 *     apart) or a comma-separated list of durations ({@code PT10S,PT1M,PT10M})
 * @param due how long each task may wait, per regime code ({@code conformity.workflow.due.PSTI.collect-evidence=P10D});
 *     the entry {@code default} applies to regimes without their own and to durations a regime leaves out. An
 *     assessment under several regimes gets the shortest.
 * @param reminderBefore how long before a task's due date its role is reminded (at most half the task's time)
 */
@Validated
@ConfigurationProperties("conformity.workflow")
public record WorkflowProperties(
        @DefaultValue("R3/PT1M")
        @Pattern(
                regexp = "R\\d+/P[0-9YMWDTHS.]+|P[0-9YMWDTHS.]+(,P[0-9YMWDTHS.]+)*",
                message = "must be a repeating interval such as R3/PT1M or a list such as PT10S,PT1M")
        String issuanceRetryCycle,

        Map<String, @Valid TaskDurations> due,
        @DefaultValue("P2D") @NotNull Duration reminderBefore) {

    public static final String DEFAULT = "default";

    public WorkflowProperties {
        due = due == null ? Map.of() : Map.copyOf(due);
    }

    /** Per task kind; a null leaves it to the {@code default} entry, then to the built-in duration. */
    public record TaskDurations(
            Duration confirmScope, Duration collectEvidence, Duration reviewPrinciple, Duration approveDeclaration) {

        /** What applies when nothing is configured: a working week for decisions, two for collecting evidence. */
        public static final TaskDurations BUILT_IN =
                new TaskDurations(Duration.ofDays(5), Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(7));

        public Duration of(TaskKind kind) {
            return switch (kind) {
                case CONFIRM_SCOPE -> confirmScope;
                case COLLECT_EVIDENCE -> collectEvidence;
                case REVIEW_PRINCIPLE -> reviewPrinciple;
                case APPROVE_DECLARATION -> approveDeclaration;
            };
        }
    }
}
