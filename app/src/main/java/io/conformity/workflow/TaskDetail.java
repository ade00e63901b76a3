package io.conformity.workflow;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.conformity.assessment.ConversationEntry;

/**
 * One task with what its assignee works on: the principle's requirements, each with its evidence, findings and
 * suggested verdict, and the conversation on the principle (every decision and comment, oldest first). For the
 * scope step and the approval, the requirements are left to the assessment's view and the conversation covers every
 * principle.
 */
public record TaskDetail(
        @JsonUnwrapped TaskView task, List<RequirementSheet> requirements, List<ConversationEntry> conversation) {}
