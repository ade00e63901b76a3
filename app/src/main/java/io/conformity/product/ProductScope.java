package io.conformity.product;

import java.util.Set;
import java.util.UUID;

/**
 * The products whose records a caller may read: every product (administrators, the application's own work) or the
 * products the caller is a member of. Other modules filter their lists with it inside the query, so page totals
 * count only what the caller sees.
 *
 * @param productIds the visible products; ignored when {@code everything}
 * @param releaseIds the releases of those products; ignored when {@code everything}
 */
public record ProductScope(boolean everything, Set<UUID> productIds, Set<UUID> releaseIds) {

    public ProductScope {
        productIds = Set.copyOf(productIds);
        releaseIds = Set.copyOf(releaseIds);
    }

    public static ProductScope all() {
        return new ProductScope(true, Set.of(), Set.of());
    }

    public boolean includesProduct(UUID productId) {
        return everything || productIds.contains(productId);
    }

    public boolean includesRelease(UUID releaseId) {
        return everything || releaseIds.contains(releaseId);
    }
}
