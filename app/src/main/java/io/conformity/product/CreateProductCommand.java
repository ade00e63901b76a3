package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

import io.conformity.validation.Before;
import io.conformity.validation.PlainText;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Registers a product model. The defined support period is required because PSTI defines it as a period with
 * an end date; {@code supportPeriodUrl} is where the manufacturer publishes it.
 */
public record CreateProductCommand(
        @NotNull UUID manufacturerId,
        @NotBlank @PlainText(max = 200, printed = true) String modelDesignation,
        @NotBlank @PlainText(max = 200, printed = true) String productType,

        @NotNull
        @Future(message = "must be after today: a support period that has ended cannot be declared")
        @Before("2100-01-01")
        LocalDate supportPeriodEnd,

        @PlainText(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https:// URL")
        String supportPeriodUrl) {}
