package io.conformity.product.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.conformity.product.ProfileView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** Answers per EN 303 645 version; answers are keyed {@code C:n} for conditions and {@code F:x} for features. */
@Entity
@Table(name = "product_profile")
class ProductProfile {

    @Id
    private UUID id;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Column(name = "framework_version", nullable = false, length = 40)
    private String version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_profile_answer", joinColumns = @JoinColumn(name = "profile_id"))
    @MapKeyColumn(name = "answer_key", length = 10)
    @Column(name = "answer", nullable = false)
    private Map<String, Boolean> answers = new TreeMap<>();

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProductProfile() {}

    ProductProfile(UUID productId, String version) {
        this.id = UUID.randomUUID();
        this.productId = productId;
        this.version = version;
    }

    void replace(Map<String, Boolean> conditions, Map<String, Boolean> features, String by, Instant at) {
        answers.clear();
        conditions.forEach((k, v) -> answers.put("C:" + k, v));
        features.forEach((k, v) -> answers.put("F:" + k, v));
        this.updatedBy = by;
        this.updatedAt = at;
    }

    ProfileView view() {
        Map<String, Boolean> conditions = new TreeMap<>();
        Map<String, Boolean> features = new TreeMap<>();
        answers.forEach((k, v) -> (k.startsWith("C:") ? conditions : features).put(k.substring(2), v));
        return new ProfileView(productId, version, conditions, features, updatedBy, updatedAt);
    }
}
