package io.conformity.product.internal;

import java.time.LocalDate;
import java.util.UUID;

import io.conformity.product.ProductView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
class Product {

    @Id
    private UUID id;

    @Column(name = "manufacturer_id", nullable = false)
    private UUID manufacturerId;

    @Column(name = "model_designation", nullable = false, length = 200)
    private String modelDesignation;

    @Column(name = "product_type", nullable = false, length = 200)
    private String productType;

    @Column(name = "support_period_end", nullable = false)
    private LocalDate supportPeriodEnd;

    @Column(name = "support_period_url", length = 2000)
    private String supportPeriodUrl;

    protected Product() {}

    Product(
            UUID manufacturerId,
            String modelDesignation,
            String productType,
            LocalDate supportPeriodEnd,
            String supportPeriodUrl) {
        this.id = UUID.randomUUID();
        this.manufacturerId = manufacturerId;
        this.modelDesignation = modelDesignation;
        this.productType = productType;
        this.supportPeriodEnd = supportPeriodEnd;
        this.supportPeriodUrl = supportPeriodUrl;
    }

    UUID id() {
        return id;
    }

    UUID manufacturerId() {
        return manufacturerId;
    }

    ProductView view() {
        return new ProductView(id, manufacturerId, modelDesignation, productType, supportPeriodEnd, supportPeriodUrl);
    }
}
