package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

public record ProductView(
        UUID id,
        UUID manufacturerId,
        String modelDesignation,
        String productType,
        LocalDate supportPeriodEnd,
        String supportPeriodUrl) {}
