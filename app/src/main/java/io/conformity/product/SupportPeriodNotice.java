package io.conformity.product;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published (inside the transaction that records it) by the daily support-period watch: the product's support
 * period ends soon, or it has ended and the product is now out of support. Whoever tells people listens for it; the
 * product module does not know who that is.
 *
 * @param endsOn the last day of support
 */
public record SupportPeriodNotice(UUID productId, String modelDesignation, Kind kind, LocalDate endsOn) {

    public enum Kind {
        /** The period ends within {@code conformity.product.support-period-notice}; sent once per end date. */
        ENDING_SOON,
        /** The period is over: the product is marked out of support and gets no new declarations. */
        ENDED
    }
}
