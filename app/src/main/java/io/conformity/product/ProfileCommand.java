package io.conformity.product;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

/**
 * A product's answers to the ICS conditions and features of one EN 303 645 version: every one must be answered
 * (a condition that is the complement of another may be left out and is then derived).
 */
public record ProfileCommand(
        @NotNull Map<String, @NotNull Boolean> conditions,
        @NotNull Map<String, @NotNull Boolean> features) {}
