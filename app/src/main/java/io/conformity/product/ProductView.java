package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param craCategory              where the Cyber Resilience Act places the product
 * @param craAnnexItem             the Annex III / IV item it falls under; null for a default product
 * @param firstSuppliedOn          when the product was first supplied (placed on the market), if recorded
 * @param declaredSupportPeriodEnd the latest support-period end an approved or issued declaration states: the
 *                                 period can no longer end before it
 */
public record ProductView(
        UUID id,
        UUID manufacturerId,
        String modelDesignation,
        String productType,
        LocalDate supportPeriodEnd,
        String supportPeriodUrl,
        CraCategory craCategory,
        AnnexItem craAnnexItem,
        LocalDate firstSuppliedOn,
        LocalDate declaredSupportPeriodEnd,
        LocalDate supportPeriodEndAtFirstSupply) {}
