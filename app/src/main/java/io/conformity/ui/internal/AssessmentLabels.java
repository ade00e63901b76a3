package io.conformity.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.conformity.assessment.AssessmentApi;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ReleaseView;

/** Names an assessment as people know it: the product's model and the release's firmware, read once per page. */
@Component
class AssessmentLabels {

    private final AssessmentApi assessments;
    private final ProductApi products;

    AssessmentLabels(AssessmentApi assessments, ProductApi products) {
        this.assessments = assessments;
        this.products = products;
    }

    /** What a page shows of one release: its product and firmware. */
    public record Label(UUID productId, String model, String productType, String firmware, String batch) {
        public String text() {
            return model + " · firmware " + firmware;
        }
    }

    /** A lookup for one page: each release and product is read once however many rows name it. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final Map<UUID, Label> byRelease = new HashMap<>();
        private final Map<UUID, UUID> releaseOfAssessment = new HashMap<>();
        private final Map<UUID, ProductView> productsById = new HashMap<>();

        Label ofRelease(UUID releaseId) {
            return byRelease.computeIfAbsent(releaseId, id -> {
                ReleaseView release = products.release(id);
                ProductView product = productsById.computeIfAbsent(release.productId(), products::product);
                return new Label(
                        product.id(),
                        product.modelDesignation(),
                        product.productType(),
                        release.firmwareVersion(),
                        release.batch());
            });
        }

        Label ofAssessment(UUID assessmentId) {
            UUID releaseId = releaseOfAssessment.computeIfAbsent(assessmentId, assessments::releaseOf);
            return ofRelease(releaseId);
        }
    }
}
