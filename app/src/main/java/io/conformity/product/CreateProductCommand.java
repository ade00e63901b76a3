package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers a product model. The defined support period is required because PSTI defines it as a period with
 * an end date; {@code supportPeriodUrl} is where the manufacturer publishes it.
 */
public record CreateProductCommand(
        @NotNull UUID manufacturerId,
        @NotBlank @Size(max = 200) String modelDesignation,
        @NotBlank @Size(max = 200) String productType,
        @NotNull LocalDate supportPeriodEnd,
        @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https:// URL") String supportPeriodUrl) {
}
