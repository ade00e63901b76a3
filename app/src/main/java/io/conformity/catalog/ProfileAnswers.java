package io.conformity.catalog;

import java.util.Map;

/**
 * A product's answers to the ICS conditions and features of one EN 303 645 version: true when the condition
 * holds or the feature is present.
 */
public record ProfileAnswers(String version, Map<String, Boolean> conditions, Map<String, Boolean> features) {

    public ProfileAnswers {
        conditions = Map.copyOf(conditions);
        features = Map.copyOf(features);
    }
}
