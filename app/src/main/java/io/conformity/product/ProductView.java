package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param craCategory              where the Cyber Resilience Act places the product
 * @param craAnnexItem             the Annex III / IV item it falls under; null for a default product
 * @param firstSuppliedOn          when the product was first supplied (placed on the market), if recorded
 * @param declaredSupportPeriodEnd the latest support-period end an approved or issued declaration states: the
 *                                 period can no longer end before it
 * @param supportStatus            out of support once the support-period watch found the period over (until it is
 *                                 extended)
 * @param outOfSupportSince        the day the watch found the period over; null in support
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
        LocalDate supportPeriodEndAtFirstSupply,
        SupportStatus supportStatus,
        LocalDate outOfSupportSince) {

    /** In support as far as dates go: the last day of support still counts. */
    public boolean supportEndedBefore(LocalDate day) {
        return supportStatus == SupportStatus.OUT_OF_SUPPORT || supportPeriodEnd.isBefore(day);
    }
}
