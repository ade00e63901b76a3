package io.conformity.product;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.conformity.catalog.ProfileAnswers;

/** The stored profile of a product for one EN 303 645 version, with every condition and feature answered. */
public record ProfileView(
        UUID productId,
        String version,
        Map<String, Boolean> conditions,
        Map<String, Boolean> features,
        String updatedBy,
        Instant updatedAt) {

    public ProfileAnswers answers() {
        return new ProfileAnswers(version, conditions, features);
    }
}
