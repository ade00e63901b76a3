package io.conformity.product;

import java.time.LocalDate;

import io.conformity.validation.Before;
import io.conformity.validation.PlainText;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Moves the end of a product's defined support period. Once a declaration stated an end date, the period may be
 * extended but never shortened (PSTI Schedule 1 para 3). {@code supportPeriodUrl}, when given, replaces where the
 * period is published; left out, the current one stays.
 */
public record ChangeSupportPeriodCommand(
        @NotNull
        @Future(message = "must be after today: a support period that has ended cannot be declared")
        @Before("2100-01-01")
        LocalDate supportPeriodEnd,

        @PlainText(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https:// URL")
        String supportPeriodUrl) {}
