package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

import io.conformity.validation.Before;
import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Registers a product model. The defined support period is required because PSTI defines it as a period with
 * an end date; {@code supportPeriodUrl} is where the manufacturer publishes it. The support period must end after
 * {@code firstSuppliedOn} (when the product was first supplied, if known) and within the configured horizon.
 * {@code craCategory} (default {@code DEFAULT}) places the product under the Cyber Resilience Act; any other category
 * needs {@code craAnnexItem}.
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
        String supportPeriodUrl,

        CraCategory craCategory,
        @Valid AnnexItem craAnnexItem,
        @Before("2100-01-01") LocalDate firstSuppliedOn) {

    public CreateProductCommand {
        craCategory = craCategory == null ? CraCategory.DEFAULT : craCategory;
    }

    /** A product outside the CRA's annexes, first supplied on a date not recorded. */
    public CreateProductCommand(
            UUID manufacturerId,
            String modelDesignation,
            String productType,
            LocalDate supportPeriodEnd,
            String supportPeriodUrl) {
        this(manufacturerId, modelDesignation, productType, supportPeriodEnd, supportPeriodUrl, null, null, null);
    }
}
