package io.conformity.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * @param issuanceRetryCycle how often, and how far apart, the engine tries to issue a declaration before it raises
 *     an incident for an administrator: an ISO 8601 repeating interval ({@code R3/PT1M}: three attempts a minute
 *     apart) or a comma-separated list of durations ({@code PT10S,PT1M,PT10M})
 */
@Validated
@ConfigurationProperties("conformity.workflow")
public record WorkflowProperties(
        @DefaultValue("R3/PT1M")
        @Pattern(
                regexp = "R\\d+/P[0-9YMWDTHS.]+|P[0-9YMWDTHS.]+(,P[0-9YMWDTHS.]+)*",
                message = "must be a repeating interval such as R3/PT1M or a list such as PT10S,PT1M")
        String issuanceRetryCycle) {}
