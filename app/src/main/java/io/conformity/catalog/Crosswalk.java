package io.conformity.catalog;

import java.util.List;

/**
 * Topics that tie requirements of different frameworks together (UK CoP guideline ↔ EN 303 645 clause ↔ PSTI
 * requirement ↔ CRA Annex I item). Topics are the principles an assessment is worked through, so one piece of
 * evidence serves every framework's requirement of its topic.
 */
public record Crosswalk(String urn, String version, List<Topic> topics) {

    public Crosswalk {
        topics = List.copyOf(topics);
    }

    /**
     * @param code the UK CoP guideline number where the topic has one, else a short slug
     */
    public record Topic(String code, String title, List<RequirementRef> requirements) {
        public Topic {
            requirements = List.copyOf(requirements);
        }
    }
}
