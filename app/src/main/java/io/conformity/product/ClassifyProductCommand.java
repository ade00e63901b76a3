package io.conformity.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Records where the Cyber Resilience Act places the product: a category other than {@code DEFAULT} needs the annex
 * item it falls under; a default product has none.
 */
public record ClassifyProductCommand(
        @NotNull CraCategory craCategory, @Valid AnnexItem craAnnexItem) {}
